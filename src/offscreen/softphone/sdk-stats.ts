/**
 * What the supervisor and diagnostics read from a live SDK's peer connections: the call's media
 * stats, its raw getStats() entries and the ICE servers the SDK discovered (asked again first
 * when `refresh`, bounded). Private fields are reached through sdk-internals.ts only.
 */
import type { RawStat } from '../../shared/diagnostics';
import type { DiscoveredIceServer } from '../diagnostics/access';
import { bounded } from './bounded';
import { sdkCall } from './call-commands';
import * as internals from './sdk-internals';
import { notStarted } from './softphone-error';
import type * as port from './softphone-port';
import { parseStats } from './stats';

export async function mediaStatsOf(
  sdk: object,
  conversationId: string,
): Promise<port.MediaStats | null> {
  const session = internals.findMediaSession(sdk, conversationId);
  if (session === undefined) {
    return null;
  }
  const pc = session.peerConnection;
  const report = await sdkCall(() => pc.getStats());
  return parseStats(report.values(), {
    conversationId,
    at: Date.now(),
    iceState: pc.iceConnectionState,
    connectionState: pc.connectionState,
  });
}

export async function iceServersOf(
  sdk: object,
  refresh: boolean,
  timeoutMs: number,
): Promise<DiscoveredIceServer[]> {
  if (refresh) {
    const asked = internals.refreshIceServers(sdk);
    if (asked === undefined) {
      throw notStarted();
    }
    await bounded(asked, timeoutMs, 'ICE server discovery');
  }
  return internals.discoveredIceServers(sdk).map((server) => ({
    urls: Array.isArray(server.urls) ? [...server.urls] : [server.urls],
    ...(server.username !== undefined && { username: server.username }),
    ...(server.credential !== undefined && { credential: server.credential }),
  }));
}

export async function rawStatsOf(sdk: object, conversationId: string): Promise<RawStat[] | null> {
  const session = internals.findMediaSession(sdk, conversationId);
  if (session === undefined) {
    return null;
  }
  const report = await sdkCall(() => session.peerConnection.getStats());
  return [...report.values()] as RawStat[];
}
