/**
 * SessionSnapshot: the only view of the softphone that leaves the offscreen document.
 * Plain JSON (no SDK objects, no tokens), published on every change and on request.
 */

export type ConnectionStateKind =
  | 'signed-out' // no credentials yet: nothing to start
  | 'stopped'
  | 'starting'
  | 'connected'
  | 'reconnecting' // signalling lost, recovering (SDK or supervisor); calls may still have media
  | 'backing-off' // waiting for the next attempt
  | 'failed' // terminal until the agent or the configuration changes something
  | 'mic-blocked'; // the microphone has not been granted: calls cannot be answered

export interface SnapshotError {
  /** Stable code from the error taxonomy, e.g. 'auth.invalid-token', 'signalling.timeout'. */
  code: string;
  message: string;
}

export interface ConnectionSnapshot {
  state: ConnectionStateKind;
  /** Epoch ms when this state was entered. */
  since: number;
  /** Attempts made in the current recovery (0 when connected). */
  attempt: number;
  /** Epoch ms of the next attempt while backing off. */
  nextRetryAt?: number;
  /** Duration of the last completed recovery in ms ("recovered in 2.1 s"). */
  lastRecoveryMs?: number;
  error?: SnapshotError;
}

export type CallState =
  | 'alerting'
  | 'connecting' // accepted, media not yet connected
  | 'connected'
  | 'ended'
  | 'missed' // alert withdrawn before it was answered
  | 'declined'
  | 'failed';

/** The latest call-quality sample (offscreen getStats every 1–2 s, published every few seconds). */
export interface CallQualitySummary {
  /** Epoch ms of the sample. */
  at: number;
  /** E-model MOS estimate (1–4.5); null while no audio packets arrive. */
  mos: number | null;
  level: 'good' | 'fair' | 'poor' | null;
  lossPct: number | null;
  jitterMs: number | null;
  rttMs: number | null;
  codec: string | null;
  path: 'relay' | 'direct' | null;
  /** The confirmed degradation the agent is warned about, or null while quality holds. */
  warning: 'loss' | 'jitter' | 'latency' | 'unknown' | null;
}

export interface CallSnapshot {
  conversationId: string;
  direction: 'inbound' | 'outbound';
  state: CallState;
  /** Caller (inbound) or callee (outbound); untrusted text. */
  remote: { name?: string; number?: string };
  queue?: string;
  muted: boolean;
  held: boolean;
  /** Epoch ms timeline. */
  alertedAt?: number;
  answeredAt?: number;
  mediaConnectedAt?: number;
  endedAt?: number;
  /** Participant attributes, capped; untrusted text. */
  attributes: Record<string, string>;
  attributesTruncated: boolean;
  recordingId?: string;
  error?: SnapshotError;
  quality?: CallQualitySummary;
}

export interface SessionSnapshot {
  v: 1;
  connection: ConnectionSnapshot;
  calls: CallSnapshot[];
  networkProfile: 'standard' | 'high-latency' | 'custom';
  /** Monotonic counter; receivers drop snapshots older than the last one they saw. */
  seq: number;
  updatedAt: number;
}
