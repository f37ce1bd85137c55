/** Who hears whom on a call, from the media peer's RTP counters and the agent's mute state. */
import { flowing, type PeerStats } from '../media/peer';
import { agentOf, type Conversation } from './model';

export interface MediaReport {
  conversationId: string;
  peer: PeerStats | null;
  relay: { lossPercent: number; dropped: number; forwarded: number } | null;
  /** RTP from the agent is arriving and the agent is not muted. */
  hearsAgent: boolean;
  /** The peer is sending audio to the agent (not on hold). */
  agentShouldHear: boolean;
}

export async function mediaReport(conv: Conversation): Promise<MediaReport> {
  const peer = conv.leg?.peer ? await conv.leg.peer.stats().catch(() => null) : null;
  const agent = agentOf(conv);
  const relay = conv.leg?.relay;
  return {
    conversationId: conv.id,
    peer,
    relay: relay
      ? { lossPercent: relay.lossPercent, dropped: relay.dropped, forwarded: relay.forwarded }
      : null,
    hearsAgent: Boolean(peer && flowing(peer.receiveRate) && agent && !agent.muted),
    agentShouldHear: Boolean(peer?.sending && flowing(peer.sendRate)),
  };
}
