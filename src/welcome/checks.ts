/**
 * What the welcome checklist reads, behind one port so the page is tested with a fake: sign-in
 * state and the ServiceNow check from the worker, the microphone permission from this page (an
 * offscreen document cannot show Chrome's prompt, so the grant happens here, once, for the
 * extension's origin).
 */
import type { AuthState } from '../shared/protocol/messages/auth';
import type { ServiceNowCheck } from '../shared/protocol/messages/lifecycle';

export type MicState = 'granted' | 'prompt' | 'denied' | 'missing' | 'unknown';

export interface WelcomePort {
  authState(): Promise<AuthState>;
  signIn(): Promise<AuthState>;
  serviceNow(): Promise<ServiceNowCheck>;
  micState(): Promise<MicState>;
  /** Shows Chrome's microphone prompt; resolves with the state afterwards. */
  requestMic(): Promise<MicState>;
  openOptions(): Promise<void>;
  openTab(url: string): Promise<void>;
}

export interface Checklist {
  auth: AuthState | null;
  mic: MicState;
  servicenow: ServiceNowCheck | null;
}

export const EMPTY_CHECKLIST: Checklist = { auth: null, mic: 'unknown', servicenow: null };

/** Reads all three; a check that fails keeps its previous value. */
export async function readChecklist(port: WelcomePort, previous: Checklist): Promise<Checklist> {
  const [auth, mic, servicenow] = await Promise.allSettled([
    port.authState(),
    port.micState(),
    port.serviceNow(),
  ]);
  return {
    auth: auth.status === 'fulfilled' ? auth.value : previous.auth,
    mic: mic.status === 'fulfilled' ? mic.value : previous.mic,
    servicenow: servicenow.status === 'fulfilled' ? servicenow.value : previous.servicenow,
  };
}

export function doneCount(list: Checklist): number {
  return [
    list.auth?.signedIn === true,
    list.mic === 'granted',
    (list.servicenow?.withSwitchboard ?? 0) > 0,
  ].filter(Boolean).length;
}

/** getUserMedia's refusals, as the checklist states them. */
export function micStateFromError(error: unknown): MicState {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') {
    return 'missing';
  }
  return name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'unknown';
}
