/**
 * Builds the auth service for the worker and turns its token into the softphone's start
 * configuration. The token goes only to the offscreen document, never to pages or logs.
 */
import type { Logger } from '../shared/logger';
import { profileEnvironment } from '../shared/auth/profile';
import { activeProfile, findProfile } from '../shared/auth/profile-list';
import type { SessionConfig } from '../shared/protocol/schemas';
import { resolveProfile } from '../shared/session/network-profile';
import type { Settings } from '../shared/settings/schema';
import { createChromeAlarms } from './auth/alarms';
import { createAuthService, type AuthService, type TokenChange } from './auth/auth-service';
import { createChromeIdentity } from './auth/identity';
import { createChromeTokenStore } from './auth/token-store';
import { createLeaveSession } from './auth/leave-session';
import { createWorkerOrgSwitch } from './auth/org-switch-wiring';
import { createSwitchProgress } from './auth/switch-progress';
import type { SessionControls } from './handlers/auth';
import type { WorkerDeps } from './handlers/deps';
import { readSettings, saveSettings } from './settings-store';
import { notifyPages } from './ui/broadcast';

/** storage.session keys that cache who the agent is; sign-out removes them with the tokens. */
const CACHED_IDENTITY_KEYS = ['presence.status'];

export interface AuthWiring {
  settings(): Settings;
  settingsReady: Promise<void>;
  onTokenChanged(change: TokenChange | null): Promise<void>;
  onAgentNeeded(message: string): Promise<void>;
  log: Logger;
}

export function createWorkerAuth(wiring: AuthWiring): AuthService {
  return createAuthService({
    identity: createChromeIdentity(),
    store: createChromeTokenStore(),
    alarms: createChromeAlarms(),
    profiles: {
      get: async (id) => {
        await wiring.settingsReady;
        return findProfile(wiring.settings().genesys, id);
      },
      active: async () => {
        await wiring.settingsReady;
        return activeProfile(wiring.settings().genesys);
      },
    },
    onTokenChanged: (change) => wiring.onTokenChanged(change),
    askAgent: (problem) => wiring.onAgentNeeded(problem.message),
    log: (event, detail) => wiring.log.info(event, detail),
  });
}

export function sessionConfigFor(
  settings: Settings,
  token: TokenChange | null,
  appVersion: string,
): SessionConfig | null {
  if (!token) {
    return null;
  }
  const profile = findProfile(settings.genesys, token.profileId);
  if (!profile) {
    return null;
  }
  const environment = profileEnvironment(profile);
  const network = resolveProfile(settings.network);
  const wsHost = network.wsHost ?? (environment.loopback ? environment.streamingBase : undefined);
  return {
    sdkEnvironment: environment.sdkEnvironment,
    ...(wsHost ? { wsHost } : {}),
    accessToken: token.accessToken,
    appVersion,
    network: { ...network },
    profileId: profile.id,
    calls: { autoAnswer: settings.calls.autoAnswer, ringVolume: settings.audio.ringVolume },
    devices: {
      microphoneId: settings.audio.microphoneId,
      speakerId: settings.audio.speakerId,
      ringerId: settings.audio.ringerId,
    },
  };
}

/** Sign-out that leaves the session completely, and the organisation switch. */
export function createSessionControls(
  deps: Pick<WorkerDeps, 'toOffscreen' | 'settings'>,
  auth: AuthService,
  log: Logger,
): SessionControls {
  const leave = createLeaveSession({
    toOffscreen: deps.toOffscreen,
    auth,
    apiBaseOf: (profileId) => {
      const profile = findProfile(deps.settings().genesys, profileId);
      return profile ? profileEnvironment(profile).apiBase : null;
    },
    forgetCached: () => chrome.storage.session.remove(CACHED_IDENTITY_KEYS),
    fetch: (url, init) => fetch(url, init),
    log: (event, detail) => log.info(event, detail),
  });
  const progress = createSwitchProgress(chrome.storage.session);
  const orgSwitch = createWorkerOrgSwitch({
    toOffscreen: deps.toOffscreen,
    leave,
    signIn: (options) => auth.signIn(options),
    async activate(profileId) {
      const { settings } = await readSettings();
      const saved = await saveSettings({
        ...settings,
        genesys: { ...settings.genesys, activeId: profileId },
      });
      if (!saved.ok) {
        throw new Error(saved.issues.map((i) => i.message).join('; '));
      }
    },
    progress,
    notify: () => notifyPages('auth.changed'),
  });
  return { leave, orgSwitch, progress };
}
