/**
 * Diagnostics in the offscreen document: the connectivity check, live call quality, the timeline
 * and the offscreen part of the support bundle, answering the worker's `diagnostics.*` messages.
 * `decorate` is the hook on every published view: taxonomy codes on errors, the quality summary on
 * each call, and a timeline entry for each transition.
 */
import { logEntries, type Logger } from '../../shared/logger';
import type { Handlers } from '../../shared/protocol/messenger';
import type { diagnosticsToOffscreen } from '../../shared/protocol/messages/diagnostics';
import type { SessionConfig } from '../../shared/protocol/schemas';
import type { CallSnapshot, ConnectionSnapshot } from '../../shared/session/snapshot';
import type { SoftphonePort } from '../softphone/softphone-port';
import type { DiagnosticsAccess } from './access';
import { browserCheckEnv, type CheckEnv } from './check-env';
import { CheckRunner } from './check-runner';
import { collectParts } from './collect';
import { QualitySampler } from './quality-sampler';
import { withTaxonomyCodes } from './taxonomy-codes';
import { SessionTimeline } from './timeline';

export interface DiagnosticsDeps {
  port: SoftphonePort & DiagnosticsAccess;
  /** The supervisor's current view (connection and calls), before decoration. */
  view(): { calls: CallSnapshot[] };
  /** The applied start configuration (token included), or null while signed out. */
  config: () => SessionConfig | null;
  /** Publish the snapshot again (quality summaries changed). */
  republish: () => void;
  log: Logger;
  env?: CheckEnv;
}

export interface Diagnostics {
  decorate<V extends { connection: ConnectionSnapshot; calls: CallSnapshot[] }>(view: V): V;
  handlers: Handlers<typeof diagnosticsToOffscreen>;
}

function browserFacts(): Record<string, unknown> {
  return {
    userAgent: navigator.userAgent,
    language: navigator.language,
    online: navigator.onLine,
    hardwareConcurrency: navigator.hardwareConcurrency,
  };
}

export function createDiagnostics(deps: DiagnosticsDeps): Diagnostics {
  const env = deps.env ?? browserCheckEnv();
  const now = () => Date.now();
  const timeline = new SessionTimeline(now);
  const connected = () =>
    deps
      .view()
      .calls.filter((c) => c.state === 'connected')
      .map((c) => c.conversationId);
  const sampler = new QualitySampler({
    access: deps.port,
    liveCalls: connected,
    now,
    republish: deps.republish,
    onWarning: (conversationId, warning) => {
      timeline.note({
        t: warning.t,
        kind: 'quality',
        state: warning.kind,
        conversationId,
        code: warning.cause ?? 'unknown',
      });
      deps.log.info('call quality changed', { conversationId, kind: warning.kind, to: warning.to });
    },
  });
  sampler.start();
  const runner = new CheckRunner({
    env,
    access: deps.port,
    live: { ping: (ms) => deps.port.probe(ms) },
    calls: {
      liveCall: () => connected()[0] ?? null,
      dial: async (number) => (await deps.port.dial(number)).conversationId,
      hangUp: (id) => deps.port.hangUp(id),
    },
    config: deps.config,
    log: deps.log.child('check'),
  });

  return {
    decorate(view) {
      const coded = withTaxonomyCodes(view);
      const calls = coded.calls.map((call) => {
        const quality = sampler.summary(call.conversationId);
        return quality === undefined ? call : { ...call, quality };
      });
      timeline.observe({ connection: coded.connection, calls });
      return { ...coded, calls };
    },
    handlers: {
      'diagnostics.checkStart': (input) => runner.start(input),
      'diagnostics.checkStatus': () => runner.status(),
      'diagnostics.quality': () => sampler.report(),
      'diagnostics.collect': () =>
        collectParts({
          sdkVersion: deps.port.sdkVersion,
          timeline,
          sampler,
          lastCheck: () => runner.last(),
          health: () => deps.port.health(),
          logs: logEntries,
          browser: browserFacts,
          secrets: () => {
            const token = deps.config()?.accessToken;
            return token === undefined ? [] : [token];
          },
        }),
    },
  };
}
