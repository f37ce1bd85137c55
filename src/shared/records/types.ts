/**
 * The interaction-record queue's data: one job per Genesys conversation, kept in the worker's
 * storage.local. A job holds the fields the `interaction` record should have now, what the last
 * successful write carried, the record's sys_id once known, and the retry and Genesys side states
 * (participant attributes, wrap-up). Plain JSON only.
 */

export type JobStatus =
  /** Fields differ from the record: a write is due at `nextAt`. */
  | 'pending'
  /** A write was handed to a ServiceNow tab; `leaseUntil` bounds it (a dead worker's lease runs out). */
  | 'writing'
  /** No ServiceNow tab (or session) can write: waits until one appears. */
  | 'waiting'
  /** The last write failed (429, 5xx, timeout): retried at `nextAt`. */
  | 'retrying'
  /** Stopped (403 ACL, a bad request): only the agent's retry starts it again. */
  | 'failed'
  /** The record carries every field we know. */
  | 'done';

/** Participant attributes written to Genesys while the call is live (analytics needs them then). */
export type AttributesState = 'pending' | 'done' | 'too-late' | 'failed';

export interface WrapupCode {
  id: string;
  name: string;
}

export interface WrapupState {
  /** The queue's after-call work: required, or optional (the agent may skip). */
  required: boolean;
  codes: WrapupCode[];
  status: 'needed' | 'sending' | 'sent' | 'skipped' | 'failed';
  chosen?: { code: string; name?: string; notes?: string };
  error?: JobError;
}

export interface JobError {
  code: string;
  message: string;
  status?: number;
}

export interface RecordJob {
  conversationId: string;
  /** Every field the record should hold now (ServiceNow field → text). */
  fields: Record<string, string>;
  /** The fields of the last successful write; equal to `fields` when done. */
  written?: Record<string, string>;
  sysId?: string;
  number?: string;
  /** Origin of the instance holding the record; later writes go there only. */
  instance?: string;
  status: JobStatus;
  /** Failed attempts since the last success (drives the backoff). */
  attempts: number;
  /** Total requests handed to ServiceNow tabs for this job. */
  writes: number;
  nextAt: number;
  leaseUntil?: number;
  /** The tab the write under the lease was handed to (its lease ends when the tab is gone). */
  leaseTab?: number;
  error?: JobError;
  /** The call is still live in Genesys (attributes can still count). */
  live: boolean;
  attributes: AttributesState;
  wrapup?: WrapupState;
  /** Collected from snapshots: the first hold, the number of holds, the agent. */
  heldAt?: number;
  holds: number;
  wasHeld: boolean;
  agent?: string;
  matched?: { table: string; sysId: string };
  createdAt: number;
  updatedAt: number;
}

export type RecordJobs = Record<string, RecordJob>;

/** What a ServiceNow tab answers for one write. */
export type WriteOutcome =
  | { ok: true; sysId: string; number: string; instance: string; created: boolean }
  | { ok: false; code: string; message: string; status?: number; retryAfterMs?: number };

/** What the popup and the pop see about a job (no fields beyond what the agent already saw). */
export interface RecordSummary {
  conversationId: string;
  status: JobStatus;
  number?: string;
  sysId?: string;
  instance?: string;
  nextAt?: number;
  error?: JobError;
  attributes: AttributesState;
  wrapup?: WrapupState;
  /** Caller or callee as shown in the record (untrusted text). */
  remote?: string;
  endedAt?: string;
}

export interface RecordsState {
  jobs: RecordSummary[];
}
