/**
 * Brings a signed-in agent back after the session storage was wiped — a browser restart, or the
 * reload that installs an extension update — without a click. Tokens live only in
 * storage.session; what survives is a token-free note of the profile the agent was signed in to
 * (kept by the token store, removed by sign-out). With it, the auth service renews silently:
 * the kept refresh token where the token store keeps one, otherwise a non-interactive
 * re-authorisation against the identity provider's own session. When that needs the agent, the
 * auth service asks with a notification. One attempt per browser session: a failed silent
 * attempt is not repeated every time the worker wakes (the renewal alarm retries transient
 * failures on its own schedule).
 */
import type { Logger } from '../../shared/logger';

export const RESUME_TRIED_KEY = 'lifecycle.resumeTried';

export interface ResumePorts {
  /** chrome.storage.session. */
  area: {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  };
  /** Whether a usable token is in storage.session now. */
  hasToken(): Promise<boolean>;
  /** Whether the agent was signed in before the session storage was wiped. */
  wasSignedIn(): Promise<boolean>;
  /** The auth service's single-flight renewal. */
  renew(): Promise<{ kind: string }>;
  log: Logger;
}

/** 'signed-in', 'signed-out', 'already-tried', or the renewal's outcome ('renewed', 'needs-agent'…). */
export type ResumeResult = string;

let inFlight: Promise<ResumeResult> | null = null;

async function run(ports: ResumePorts): Promise<ResumeResult> {
  if (await ports.hasToken()) {
    return 'signed-in';
  }
  if (!(await ports.wasSignedIn())) {
    return 'signed-out';
  }
  if ((await ports.area.get(RESUME_TRIED_KEY))[RESUME_TRIED_KEY] === true) {
    return 'already-tried';
  }
  await ports.area.set({ [RESUME_TRIED_KEY]: true });
  ports.log.info('resuming the signed-in agent silently');
  const outcome = await ports.renew();
  ports.log.info('resume finished', { outcome: outcome.kind });
  return outcome.kind;
}

/** Single-flight: worker start, onStartup and onInstalled may all ask at once. */
export function resumeSignedInAgent(ports: ResumePorts): Promise<ResumeResult> {
  inFlight ??= run(ports).finally(() => {
    inFlight = null;
  });
  return inFlight;
}
