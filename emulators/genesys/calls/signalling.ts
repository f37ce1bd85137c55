/**
 * The client's side of SDP over XMPP: proceed → offer from the media peer, then answer, trickled
 * candidates, `info active` and `terminate` as JSON-RPC inside `<genesys-webrtc>` IQs.
 */
import { z } from 'zod';
import type { Hub } from '../hub';
import { newId } from '../ids';
import { LossRelay, relayTarget, rewriteOffer, stripCandidates } from '../media/loss-relay';
import { parseTrickle } from '../media/peer';
import type { XmppConnection } from '../xmpp/connection';
import * as s from '../xmpp/stanzas';
import { isEchoCall } from './echo';
import type { CallManager } from './manager';
import type { Conversation } from './model';

const Rpc = z.object({
  jsonrpc: z.literal('2.0').optional(),
  id: z.union([z.string(), z.number()]).optional(),
  method: z.string(),
  params: z.looseObject({ sessionId: z.string() }),
});

export function onJingleMessage(
  hub: Hub,
  calls: CallManager,
  conn: XmppConnection,
  kind: string,
  sessionId: string,
): void {
  const conv = calls.bySession(sessionId);
  const leg = conv?.leg;
  if (!conv || !leg || conv.endTime || leg.userId !== conn.user?.id) {
    return;
  }
  if (kind === 'reject' && leg.state === 'proposed') {
    calls.end(conv, 'declined', { terminate: false, disconnectType: 'client' });
    return;
  }
  if (kind !== 'proceed') {
    return;
  }
  if (leg.state !== 'proposed' && leg.channelId !== conn.channelId) {
    return; // another client already took it
  }
  if (leg.state === 'proposed') {
    leg.state = 'proceeded';
    leg.channelId = conn.channelId;
    // Tell the user's other clients this one handled it.
    for (const other of hub.streaming.connectionsOf(leg.userId)) {
      if (other !== conn) {
        other.send(s.jingleMessage('accept', conn.fullJid, other.fullJid, newId(), sessionId));
      }
    }
  }
  void sendOffer(hub, calls, conv);
}

async function sendOffer(hub: Hub, calls: CallManager, conv: Conversation): Promise<void> {
  const leg = conv.leg;
  if (!leg) {
    return;
  }
  try {
    leg.peer ??= await hub.media.create(`${conv.id}:${leg.sessionId}`, {
      echo: isEchoCall(conv),
    });
    let sdp = await leg.peer.createOffer();
    const target =
      leg.lossPercent !== undefined && hub.media.realMedia ? relayTarget(sdp) : undefined;
    if (target && leg.lossPercent !== undefined) {
      leg.relay = new LossRelay(target, leg.lossPercent);
      sdp = rewriteOffer(sdp, target, await leg.relay.start());
    }
    const conn = calls.legConnection(conv);
    if (!conn || conv.endTime) {
      return;
    }
    conn.send(
      s.genesysWebrtc(leg.gjollJid, conn.fullJid, newId(), {
        jsonrpc: '2.0',
        id: newId(),
        method: 'offer',
        params: { sessionId: leg.sessionId, conversationId: conv.id, sdp, reinvite: false },
      }),
    );
  } catch (err) {
    console.error('[genesys-emulator] media peer failed', err);
  }
}

/** Handles one JSON-RPC request; false means the session is unknown (answered with an IQ error). */
export async function onRpc(
  hub: Hub,
  calls: CallManager,
  conn: XmppConnection,
  text: string,
): Promise<boolean> {
  let parsed: z.infer<typeof Rpc>;
  try {
    parsed = Rpc.parse(JSON.parse(text));
  } catch {
    return false;
  }
  const conv = calls.bySession(parsed.params.sessionId);
  const leg = conv?.leg;
  if (!conv || !leg || leg.userId !== conn.user?.id) {
    return false;
  }
  const params = parsed.params;
  switch (parsed.method) {
    case 'answer': {
      const sdp = typeof params['sdp'] === 'string' ? params['sdp'] : '';
      leg.channelId = conn.channelId;
      if (leg.state === 'proceeded') {
        leg.state = 'answered';
      }
      await leg.peer?.setAnswer(leg.relay ? stripCandidates(sdp) : sdp);
      if (!hub.media.realMedia) {
        calls.markActive(conv);
      }
      return true;
    }
    case 'iceCandidate': {
      const cand = typeof params['sdp'] === 'string' ? parseTrickle(params['sdp']) : null;
      if (cand && leg.peer && !leg.relay) {
        await leg.peer.addCandidate(cand).catch(() => undefined);
      }
      return true;
    }
    case 'info':
      if (params['status'] === 'active') {
        calls.markActive(conv);
      }
      return true;
    case 'terminate':
      calls.terminateLeg(leg, 'client-terminate');
      return true;
    default:
      return true;
  }
}
