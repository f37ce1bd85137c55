/**
 * The worker's SessionConfig, read once at the door: the network profile validated and resolved,
 * the softphone's start configuration, and the key that says whether a new configuration is only
 * a fresh token (same environment, same profile) or a different session altogether.
 */
import { parseCustomEnvironment } from '../../shared/auth/environment';
import type { SessionConfig } from '../../shared/protocol/schemas';
import { STANDARD_PROFILE } from '../../shared/session/network-presets';
import {
  validateNetworkProfileSetting,
  type NetworkProfile,
} from '../../shared/session/network-profile';
import { startTimeoutMs } from '../../shared/session/recovery-timings';
import type { SoftphoneConfig } from '../softphone/softphone-port';

export const APP_NAME = 'switchboard';

export interface ActiveConfig {
  session: SessionConfig;
  profile: NetworkProfile;
  /** Environment, streaming host and sign-in profile: a change means a different session. */
  key: string;
  /** Answer inbound calls Genesys flags auto-answer (station or queue setting) by ourselves. */
  autoAnswer: boolean;
  ringVolume: number;
  /** The agent's microphone, speaker and ringer ('default': the system's). */
  devices: ChosenDevices;
  /** Set when the network profile was unusable and the Standard profile is used instead. */
  problem?: string;
}

export type ChosenDevices = NonNullable<SessionConfig['devices']>;

const SYSTEM_DEVICES: ChosenDevices = {
  microphoneId: 'default',
  speakerId: 'default',
  ringerId: 'default',
};

export function readConfig(session: SessionConfig): ActiveConfig {
  const validated = validateNetworkProfileSetting(session.network);
  const profile = validated.ok ? validated.profile : STANDARD_PROFILE;
  const wsHost = session.wsHost ?? profile.wsHost ?? '';
  const config: ActiveConfig = {
    session,
    profile,
    key: [session.sdkEnvironment, wsHost, session.profileId ?? ''].join('|'),
    autoAnswer: session.calls?.autoAnswer ?? false,
    ringVolume: session.calls?.ringVolume ?? 0.8,
    devices: session.devices ?? SYSTEM_DEVICES,
  };
  if (!validated.ok) {
    config.problem = validated.issues.join('; ');
  }
  return config;
}

export function softphoneConfig(config: ActiveConfig): SoftphoneConfig {
  const { session, profile } = config;
  const wsHost = session.wsHost ?? profile.wsHost;
  return {
    environment: session.sdkEnvironment,
    ...(wsHost !== undefined && { wsHost }),
    accessToken: session.accessToken,
    useServerSidePings: profile.useServerSidePings,
    logLevel: profile.logLevel,
    appName: APP_NAME,
    appVersion: session.appVersion,
    // Auto-answer is decided per call by the supervisor, so a settings change applies at once.
    autoAnswerAllowed: false,
    startTimeoutMs: startTimeoutMs(profile),
    // The SDK's defaults from the first call on (checked against the device list once connected).
    devices: { microphoneId: config.devices.microphoneId, speakerId: config.devices.speakerId },
  };
}

/**
 * Where the reachability probe knocks: the Platform API of the environment. Any HTTP answer (even
 * 401 or 404) proves the service is reachable; only a network failure or a timeout does not.
 */
export function reachabilityUrl(sdkEnvironment: string): string {
  const base = /^https?:\/\//i.test(sdkEnvironment)
    ? new URL(sdkEnvironment).origin
    : `https://api.${sdkEnvironment}`;
  return `${base}/api/v2/health/check`;
}

/**
 * A channel no client uses: the streaming probe's upgrade asks for it, so a healthy host answers
 * without touching the agent's own channel (the emulator opens the socket and closes it at once).
 */
export const PROBE_CHANNEL = 'reachability-probe';

/**
 * Where the streaming probe knocks: the streaming host the softphone connects to (the profile's or
 * the configuration's override, else the region's), on a channel path without credentials.
 */
export function streamingProbeUrl(config: ActiveConfig): string {
  const { session, profile } = config;
  const base =
    session.wsHost ??
    profile.wsHost ??
    parseCustomEnvironment(session.sdkEnvironment).streamingBase;
  return `${base.replace(/\/+$/, '')}/stream/channels/${PROBE_CHANNEL}`;
}

/** How long one heartbeat or reachability probe may take. */
export function probeTimeoutMs(profile: NetworkProfile): number {
  return Math.min(profile.heartbeatIntervalMs, 5_000);
}

export interface SecretSlot {
  /** Registers the current token as a secret (and forgets the previous one). */
  hold(token: string): void;
  release(): void;
}

/** Keeps exactly the current access token registered as a secret, so no log line carries it. */
export function secretSlot(register?: (secret: string) => () => void): SecretSlot {
  let forget: (() => void) | undefined;
  return {
    hold(token) {
      const previous = forget;
      forget = register?.(token);
      previous?.();
    },
    release() {
      forget?.();
      forget = undefined;
    },
  };
}
