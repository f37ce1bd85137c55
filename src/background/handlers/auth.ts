/** Worker handlers for sign-in, sign-out and settings (extension pages only). */
import { activeProfile, findProfile } from '../../shared/auth/profile-list';
import { profileEnvironment } from '../../shared/auth/profile';
import type { Handlers } from '../../shared/protocol/messenger';
import type { AuthState, authToWorker } from '../../shared/protocol/messages/auth';
import type { AuthService } from '../auth/auth-service';
import { readSettings, saveSettings } from '../settings-store';
import type { WorkerDeps } from './deps';

export async function authState(deps: WorkerDeps, auth: AuthService): Promise<AuthState> {
  const token = await auth.currentToken();
  const profiles = deps.settings().genesys;
  const profile = token ? findProfile(profiles, token.profileId) : activeProfile(profiles);
  return {
    signedIn: token !== null,
    profile: profile
      ? { id: profile.id, name: profile.name, environment: profileEnvironment(profile).env }
      : null,
    ...(token ? { expiresAt: token.expiresAt } : {}),
  };
}

export function authHandlers(deps: WorkerDeps, auth: AuthService): Handlers<typeof authToWorker> {
  return {
    'auth.state': () => authState(deps, auth),
    'auth.signIn': async ({ profileId, prompt }) => {
      // Read the stored settings, not the worker's copy: a profile saved a moment ago must count
      // even before the storage change event has refreshed the copy.
      const profiles = (await readSettings()).settings.genesys;
      const profile = profileId ? findProfile(profiles, profileId) : activeProfile(profiles);
      if (!profile) {
        throw new Error('Choose an organisation profile first');
      }
      await auth.signIn({ profile, ...(prompt ? { prompt } : {}) });
      return authState(deps, auth);
    },
    'auth.signOut': async () => {
      await auth.signOut();
      return authState(deps, auth);
    },
    'settings.get': async () => {
      const { settings, locked, problems } = await readSettings();
      return { settings, locked, problems };
    },
    'settings.save': ({ settings }) => saveSettings(settings),
  };
}
