/**
 * What diagnostics needs from the softphone beyond SoftphonePort: the ICE servers the streaming
 * client discovered (XEP-0215, asked again on demand) and the raw getStats() entries of a call's
 * peer connection. The Genesys adapter implements it; tests use fakes.
 */
import type { RawStat } from '../../shared/diagnostics';

/** One discovered STUN/TURN server; TURN credentials never leave the offscreen document. */
export interface DiscoveredIceServer {
  urls: string[];
  username?: string;
  credential?: string;
}

export interface DiagnosticsAccess {
  /** The Genesys SDK version, for the support bundle. */
  readonly sdkVersion: string;
  /** The servers the SDK uses; with `refresh`, asks Genesys Cloud again first (bounded). */
  iceServers(refresh: boolean, timeoutMs: number): Promise<DiscoveredIceServer[]>;
  /** getStats() entries of the call's peer connection; null when the call has no media here. */
  rawStats(conversationId: string): Promise<RawStat[] | null>;
}
