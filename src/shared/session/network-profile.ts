/**
 * The network profile setting: Standard, High latency or Custom. The setting is what is stored
 * (kind plus optional values); `resolveProfile` turns it into the effective profile the offscreen
 * supervisor runs with. Only Custom honours the timing values; wsHost, logLevel and
 * useServerSidePings are SDK options that apply to every kind.
 */
import { z } from 'zod';
import { PRESETS } from './network-presets';

export const NETWORK_PROFILE_KINDS = ['standard', 'high-latency', 'custom'] as const;
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

export type NetworkProfileKind = (typeof NETWORK_PROFILE_KINDS)[number];
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ReconnectSettings {
  /** Delay before the first reconnect attempt; the base of the exponential backoff. */
  initialDelayMs: number;
  /** Cap of the exponential backoff between full restarts. */
  maxDelayMs: number;
  /** 0..1: each delay is shortened by up to this fraction, at random. */
  jitterRatio: number;
  /** Attempts per recovery before giving up; 0 = never give up. */
  maxAttempts: number;
}

/** The effective profile. */
export interface NetworkProfile {
  kind: NetworkProfileKind;
  heartbeatIntervalMs: number;
  heartbeatTimeoutMs: number;
  reconnect: ReconnectSettings;
  useServerSidePings: boolean;
  wsHost?: string;
  logLevel: LogLevel;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** wss:// anywhere; ws:// only on the loopback (local emulators); no credentials, query or hash. */
export function isAllowedWsHost(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    return false;
  }
  return url.protocol === 'wss:' || (url.protocol === 'ws:' && LOOPBACK.has(url.hostname));
}

const ms = (name: string, min: number, max: number) =>
  z
    .number({ error: `${name} must be a number of milliseconds` })
    .int(`${name} must be a whole number of milliseconds`)
    .min(min, `${name} must be at least ${min} ms`)
    .max(max, `${name} must be at most ${max} ms`);

export const reconnectSettingsSchema = z.object({
  initialDelayMs: ms('reconnect.initialDelayMs', 100, 60_000),
  maxDelayMs: ms('reconnect.maxDelayMs', 1_000, 600_000),
  jitterRatio: z
    .number({ error: 'reconnect.jitterRatio must be a number' })
    .min(0, 'reconnect.jitterRatio must be between 0 and 1')
    .max(1, 'reconnect.jitterRatio must be between 0 and 1'),
  maxAttempts: z
    .number({ error: 'reconnect.maxAttempts must be a number' })
    .int('reconnect.maxAttempts must be a whole number')
    .min(0, 'reconnect.maxAttempts must be 0 (unlimited) or more')
    .max(1_000, 'reconnect.maxAttempts must be at most 1000'),
});

export const networkProfileSettingSchema = z
  .object({
    kind: z.enum(NETWORK_PROFILE_KINDS, {
      error: 'kind must be standard, high-latency or custom',
    }),
    heartbeatIntervalMs: ms('heartbeatIntervalMs', 1_000, 60_000).optional(),
    heartbeatTimeoutMs: ms('heartbeatTimeoutMs', 2_000, 120_000).optional(),
    reconnect: reconnectSettingsSchema.partial().optional(),
    useServerSidePings: z.boolean({ error: 'useServerSidePings must be true or false' }).optional(),
    wsHost: z
      .string()
      .refine(
        isAllowedWsHost,
        'wsHost must be a wss:// URL (ws:// only for 127.0.0.1 or localhost)',
      )
      .optional(),
    logLevel: z
      .enum(LOG_LEVELS, { error: 'logLevel must be debug, info, warn or error' })
      .optional(),
  })
  .superRefine((setting, ctx) => {
    if (setting.kind !== 'custom') {
      return;
    }
    const p = resolveProfile(setting);
    if (p.heartbeatTimeoutMs <= p.heartbeatIntervalMs) {
      ctx.addIssue({
        code: 'custom',
        path: ['heartbeatTimeoutMs'],
        message:
          `heartbeatTimeoutMs (${p.heartbeatTimeoutMs} ms) must be greater than ` +
          `heartbeatIntervalMs (${p.heartbeatIntervalMs} ms)`,
      });
    }
    if (p.reconnect.maxDelayMs < p.reconnect.initialDelayMs) {
      ctx.addIssue({
        code: 'custom',
        path: ['reconnect', 'maxDelayMs'],
        message:
          `reconnect.maxDelayMs (${p.reconnect.maxDelayMs} ms) must be at least ` +
          `reconnect.initialDelayMs (${p.reconnect.initialDelayMs} ms)`,
      });
    }
  });

export type NetworkProfileSetting = z.infer<typeof networkProfileSettingSchema>;

export const DEFAULT_NETWORK_PROFILE_SETTING: NetworkProfileSetting = { kind: 'standard' };

/** The effective values for a (validated) setting. */
export function resolveProfile(setting: NetworkProfileSetting): NetworkProfile {
  const custom = setting.kind === 'custom';
  const base = PRESETS[setting.kind === 'custom' ? 'standard' : setting.kind];
  const timing: Partial<NetworkProfileSetting> = custom ? setting : {};
  const profile: NetworkProfile = {
    kind: setting.kind,
    heartbeatIntervalMs: timing.heartbeatIntervalMs ?? base.heartbeatIntervalMs,
    heartbeatTimeoutMs: timing.heartbeatTimeoutMs ?? base.heartbeatTimeoutMs,
    reconnect: { ...base.reconnect, ...definedOnly(timing.reconnect) },
    useServerSidePings: setting.useServerSidePings ?? base.useServerSidePings,
    logLevel: setting.logLevel ?? base.logLevel,
  };
  if (setting.wsHost !== undefined) {
    profile.wsHost = setting.wsHost;
  }
  return profile;
}

type Defined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

function definedOnly<T extends object>(value: T | undefined): Defined<T> {
  return Object.fromEntries(
    Object.entries(value ?? {}).filter(([, v]) => v !== undefined),
  ) as Defined<T>;
}

export type ProfileValidation =
  | { ok: true; setting: NetworkProfileSetting; profile: NetworkProfile }
  | { ok: false; issues: string[] };

/** Validate a stored or edited setting; issues are readable sentences naming the field. */
export function validateNetworkProfileSetting(input: unknown): ProfileValidation {
  const parsed = networkProfileSettingSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((issue) => issue.message) };
  }
  return { ok: true, setting: parsed.data, profile: resolveProfile(parsed.data) };
}
