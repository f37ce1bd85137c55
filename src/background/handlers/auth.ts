/**
 * Worker handlers for sign-in, sign-out, the organisation switch and settings (extension pages
 * only). Sign-out leaves the session completely (softphone stopped, backoff cleared, token revoked
 * and forgotten); a switch runs the steps of shared/auth/org-switch.ts.
 */
import { activeProfile, findProfile } from '../../shared/auth/profile-list';
import { profileEnvironment } from '../../shared/auth/profile';
import type { Handlers } from '../../shared/protocol/messenger';
import type { AuthState, authToWorker } from '../../shared/protocol/messages/auth';
import type { AuthService } from '../auth/auth-service';
import type { LeaveSession } from '../auth/leave-session';
import type { WorkerOrgSwitch } from '../auth/org-switch-wiring';
import type { SwitchProgress } from '../auth/switch-progress';
import { readSettings, saveSettings } from '../settings-store';
import type { WorkerDeps } from './deps';

/** Sign-out and the organisation switch; without them sign-out only forgets the tokens. */
export interface SessionControls {
  leave: Pick<LeaveSession, 'leave'>;
  orgSwitch: WorkerOrgSwitch;
  progress: Pick<SwitchProgress, 'view' | 'dismissFailure'>;
}

export async function authState(
  deps: WorkerDeps,
  auth: AuthService,
  controls?: SessionControls,
): Promise<AuthState> {
  const token = await auth.currentToken();
  const profiles = deps.settings().genesys;
  const profile = token ? findProfile(profiles, token.profileId) : activeProfile(profiles);
  return {
    signedIn: token !== null,
    profile: profile
      ? { id: profile.id, name: profile.name, environment: profileEnvironment(profile).env }
      : null,
    ...(token ? { expiresAt: token.expiresAt } : {}),
    ...(controls ? await controls.progress.view() : {}),
  };
}

export function authHandlers(
  deps: WorkerDeps,
  auth: AuthService,
  controls?: SessionControls,
): Handlers<typeof authToWorker> {
  const state = () => authState(deps, auth, controls);
  return {
    'auth.state': state,
    'auth.signIn': async ({ profileId, prompt }) => {
      // Read the stored settings, not the worker's copy: a profile saved a moment ago must count
      // even before the storage change event has refreshed the copy.
      const profiles = (await readSettings()).settings.genesys;
      const profile = profileId ? findProfile(profiles, profileId) : activeProfile(profiles);
      if (!profile) {
        throw new Error('Choose an organisation profile first');
      }
      await auth.signIn({ profile, ...(prompt ? { prompt } : {}) });
      await controls?.progress.dismissFailure();
      return state();
    },
    'auth.signOut': async () => {
      await (controls ? controls.leave.leave() : auth.signOut());
      await controls?.progress.dismissFailure();
      return state();
    },
    'auth.switchOrg': async ({ profileId, confirmEndCalls }) => {
      const profile = findProfile((await readSettings()).settings.genesys, profileId);
      if (!profile) {
        throw new Error(`No organisation profile "${profileId}"`);
      }
      if (!controls) {
        throw new Error('Switching organisation is not available');
      }
      const result = await controls.orgSwitch.switchTo(profile, confirmEndCalls === true);
      return { ...result, state: await state() };
    },
    'settings.get': async () => {
      const { settings, locked, problems } = await readSettings();
      return { settings, locked, problems };
    },
    'settings.save': ({ settings }) => saveSettings(settings),
  };
}
