/**
 * Words for the connectivity check: step names, step states, verdict titles and remedies (keys
 * listed here so the translation test finds them), and the measured numbers of each step in short
 * phrases. A missing translation falls back to the English the check itself produced.
 */
import type { Finding, StepId, StepResult, StepStatus, VerdictKind } from '../shared/diagnostics';
import type { Translate } from '../shared/i18n';

const STEPS: Readonly<Record<StepId, { label: string }>> = {
  'dns-tls': { label: 'check_step_dns_tls' },
  websocket: { label: 'check_step_websocket' },
  'ice-servers': { label: 'check_step_ice_servers' },
  stun: { label: 'check_step_stun' },
  turn: { label: 'check_step_turn' },
  media: { label: 'check_step_media' },
};

export type StepState = StepStatus | 'pending' | 'running';

const STATES: Readonly<Record<StepState, { label: string }>> = {
  pending: { label: 'checkStatusPending' },
  running: { label: 'checkStatusRunning' },
  ok: { label: 'checkStatusOk' },
  failed: { label: 'checkStatusFailed' },
  skipped: { label: 'checkStatusSkipped' },
};

const VERDICTS: Readonly<Record<VerdictKind, { titleKey: string; help: string }>> = {
  'all-good': { titleKey: 'check_verdict_all_good', help: 'check_verdict_all_good__remedy' },
  'network-unreachable': {
    titleKey: 'check_verdict_network_unreachable',
    help: 'check_verdict_network_unreachable__remedy',
  },
  'websocket-blocked': {
    titleKey: 'check_verdict_websocket_blocked',
    help: 'check_verdict_websocket_blocked__remedy',
  },
  'auth-failed': {
    titleKey: 'check_verdict_auth_failed',
    help: 'check_verdict_auth_failed__remedy',
  },
  'signalling-timeout': {
    titleKey: 'check_verdict_signalling_timeout',
    help: 'check_verdict_signalling_timeout__remedy',
  },
  'ice-servers-missing': {
    titleKey: 'check_verdict_ice_servers_missing',
    help: 'check_verdict_ice_servers_missing__remedy',
  },
  'turn-permission-refused': {
    titleKey: 'check_verdict_turn_permission_refused',
    help: 'check_verdict_turn_permission_refused__remedy',
  },
  'turn-credentials-rejected': {
    titleKey: 'check_verdict_turn_credentials_rejected',
    help: 'check_verdict_turn_credentials_rejected__remedy',
  },
  'turn-unreachable': {
    titleKey: 'check_verdict_turn_unreachable',
    help: 'check_verdict_turn_unreachable__remedy',
  },
  'no-media-path': {
    titleKey: 'check_verdict_no_media_path',
    help: 'check_verdict_no_media_path__remedy',
  },
  'udp-blocked': {
    titleKey: 'check_verdict_udp_blocked',
    help: 'check_verdict_udp_blocked__remedy',
  },
  'relay-only': { titleKey: 'check_verdict_relay_only', help: 'check_verdict_relay_only__remedy' },
  'media-not-flowing': {
    titleKey: 'check_verdict_media_not_flowing',
    help: 'check_verdict_media_not_flowing__remedy',
  },
  'high-latency': {
    titleKey: 'check_verdict_high_latency',
    help: 'check_verdict_high_latency__remedy',
  },
  incomplete: { titleKey: 'check_verdict_incomplete', help: 'check_verdict_incomplete__remedy' },
};

export function stepLabel(id: StepId, t: Translate): string {
  const entry = STEPS[id];
  return t(entry.label);
}

export function stateLabel(state: StepState, t: Translate): string {
  const entry = STATES[state];
  return t(entry.label);
}

export function findingText(finding: Finding, t: Translate): { title: string; remedy: string } {
  const entry = VERDICTS[finding.kind];
  const title = t(entry.titleKey);
  const remedy = t(entry.help);
  // A missing translation answers the key itself: the check's own English is better.
  return {
    title: title === entry.titleKey ? finding.title : title,
    remedy: remedy === entry.help ? finding.remedy : remedy,
  };
}

const n = (value: number) => String(Math.round(value));

/** The numbers a step measured, as short phrases ("XMPP ping 42 ms"). */
export function metricsText(result: StepResult, t: Translate): string[] {
  const out: string[] = [];
  switch (result.id) {
    case 'dns-tls':
      for (const host of result.metrics?.hosts ?? []) {
        out.push(
          host.ok
            ? t('metricHostOk', host.host, n(host.ms ?? 0))
            : t('metricHostFailed', host.host),
        );
      }
      break;
    case 'websocket': {
      const m = result.metrics ?? {};
      if (m.httpStatus !== undefined) {
        out.push(t('metricHttp', n(m.httpStatus)));
      }
      if (m.opened === true) {
        out.push(t('metricWsOpened', n(m.connectMs ?? 0)));
      }
      if (m.opened === false) {
        out.push(t('metricWsNotOpened'));
      }
      if (m.pingRttMs !== undefined) {
        out.push(t('metricPing', n(m.pingRttMs)));
      }
      if (m.timedOut === true) {
        out.push(t('metricTimedOut'));
      }
      break;
    }
    case 'ice-servers': {
      const m = result.metrics ?? {};
      if (m.stun !== undefined || m.turn !== undefined) {
        out.push(t('metricIceServers', n(m.stun ?? 0), n(m.turn ?? 0)));
      }
      if (m.timedOut === true) {
        out.push(t('metricTimedOut'));
      }
      break;
    }
    case 'stun': {
      const m = result.metrics ?? {};
      if (m.srflx !== undefined && (m.srflx > 0 || result.status !== 'ok')) {
        out.push(t('metricSrflx', n(m.srflx)));
      }
      if (m.gatherMs !== undefined) {
        out.push(t('metricMs', n(m.gatherMs)));
      }
      if (m.errorCodes?.length) {
        out.push(t('metricErrorCodes', m.errorCodes.join(', ')));
      }
      break;
    }
    case 'turn': {
      const m = result.metrics ?? {};
      if (m.relayProtocols?.length) {
        out.push(t('metricRelay', m.relayProtocols.join(', ').toUpperCase()));
      }
      if (m.allocateMs !== undefined) {
        out.push(t('metricMs', n(m.allocateMs)));
      }
      if (m.errorCodes?.length) {
        out.push(t('metricErrorCodes', m.errorCodes.join(', ')));
      }
      break;
    }
    case 'media': {
      const m = result.metrics;
      if (m === undefined) {
        break;
      }
      out.push(t('metricPackets', n(m.packetsReceived ?? 0), n(m.packetsSent ?? 0)));
      if (m.rttMs !== undefined) {
        out.push(t('metricRtt', n(m.rttMs)));
      }
      if (m.lossPct !== undefined) {
        out.push(t('metricLoss', String(m.lossPct)));
      }
      if (m.jitterMs !== undefined) {
        out.push(t('metricJitter', n(m.jitterMs)));
      }
      if (m.path === 'relay') {
        out.push(t('metricPathRelay'));
      }
      if (m.path === 'direct') {
        out.push(t('metricPathDirect'));
      }
      break;
    }
  }
  return out;
}
