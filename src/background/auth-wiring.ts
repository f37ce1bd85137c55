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
  };
}
