/** The emulator's view of a voice conversation: participants, the agent's softphone leg, and records. */
import type { LossRelay } from '../media/loss-relay';
import type { MediaPeer } from '../media/peer';

export type CallState =
  'alerting' | 'contacting' | 'dialing' | 'connected' | 'disconnected' | 'terminated';

export type Purpose = 'customer' | 'external' | 'agent' | 'user' | 'acd';

export interface Wrapup {
  code: string;
  name?: string;
  notes?: string;
  durationSeconds?: number;
  endTime: string;
}

export interface Participant {
  id: string;
  purpose: Purpose;
  userId?: string;
  queueId?: string;
  queueName?: string;
  name: string;
  address: string;
  state: CallState;
  direction: 'inbound' | 'outbound';
  muted: boolean;
  held: boolean;
  confined: boolean;
  attributes: Record<string, string>;
  callId: string;
  startTime: string;
  connectedTime?: string;
  endTime?: string;
  disconnectType?: string;
  wrapupRequired: boolean;
  wrapup?: Wrapup;
  /** Set once the agent's media is up (the recording has audio); absent when it never was. */
  recordingId?: string;
}

export type LegState = 'proposed' | 'proceeded' | 'answered' | 'active' | 'ended';

/** The agent's WebRTC session for this call (SDP over XMPP). */
export interface SoftphoneLeg {
  sessionId: string;
  userId: string;
  gjollJid: string;
  autoAnswer: boolean;
  state: LegState;
  /** The streaming channel of the client that proceeded; signalling follows its newest socket. */
  channelId?: string;
  peer?: MediaPeer;
  /** Packet loss wanted on this leg's media; set means media goes through a relay. */
  lossPercent?: number;
  relay?: LossRelay;
  /** Persistent connection: the peer connection outlives calls and carries the next ones. */
  persistent: boolean;
  startedAt: number;
  endedAt?: number;
}

export type Outcome =
  | 'alert-timeout'
  | 'declined'
  | 'agent-hangup'
  | 'remote-hangup'
  | 'client-terminate'
  | 'client-closed'
  | 'transferred';

export interface PatchRecord {
  at: number;
  participantId: string;
  body: Record<string, unknown>;
}

export interface Conversation {
  id: string;
  orgId: string;
  agentUserId: string;
  direction: 'inbound' | 'outbound';
  startTime: string;
  endTime?: string;
  participants: Participant[];
  leg?: SoftphoneLeg;
  alertTimeoutMs: number;
  outcome?: Outcome;
  dtmf: { at: number; participantId: string; digits: string }[];
  transfers: { at: number; participantId: string; target: Record<string, unknown> }[];
  patches: PatchRecord[];
  /** Every conversation event body sent, oldest first (JSON text). */
  events: string[];
}

export function agentOf(conv: Conversation): Participant | undefined {
  return conv.participants.find((p) => p.userId === conv.agentUserId);
}

export function customerOf(conv: Conversation): Participant | undefined {
  return conv.participants.find((p) => p.purpose === 'customer' || p.purpose === 'external');
}

export function isEnded(state: CallState): boolean {
  return state === 'disconnected' || state === 'terminated';
}

export function isPending(state: CallState): boolean {
  return state === 'alerting' || state === 'contacting';
}
