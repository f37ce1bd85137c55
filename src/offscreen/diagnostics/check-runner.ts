/**
 * Runs the connectivity check, one run at a time: the six steps in order (a step whose dependency
 * failed is skipped, naming it), progress readable at any moment, then the verdict from
 * `connectivityVerdict` with the measured numbers. The token comes from the applied configuration
 * and is used only here, for the notification channel request.
 *
 *   dns-tls → websocket → ice-servers → stun → turn → media → verdict
 */
import {
  blockedBy,
  CONNECTIVITY_STEPS,
  connectivityVerdict,
  type StepId,
  type StepResult,
} from '../../shared/diagnostics';
import { AppError } from '../../shared/errors';
import type { Logger } from '../../shared/logger';
import type { CheckRun, CheckStart, CheckStatus } from '../../shared/protocol/messages/diagnostics';
import type { SessionConfig } from '../../shared/protocol/schemas';
import type { DiagnosticsAccess } from './access';
import type { CheckEnv } from './check-env';
import { endpointsFor, type Endpoints } from './endpoints';
import { probeHosts } from './probe-hosts';
import { probeIceServers, type SplitServers } from './probe-ice-servers';
import { probeMedia, type CallControl } from './probe-media';
import { probeStun } from './probe-stun';
import { probeTurn } from './probe-turn';
import { probeWebsocket, type SignallingProbe } from './probe-websocket';

/** The six probes; tests replace them, the document uses the real ones. */
export interface Probes {
  hosts: typeof probeHosts;
  websocket: typeof probeWebsocket;
  iceServers: typeof probeIceServers;
  stun: typeof probeStun;
  turn: typeof probeTurn;
  media: typeof probeMedia;
}

const REAL_PROBES: Probes = {
  hosts: probeHosts,
  websocket: probeWebsocket,
  iceServers: probeIceServers,
  stun: probeStun,
  turn: probeTurn,
  media: probeMedia,
};

export interface CheckDeps {
  env: CheckEnv;
  access: DiagnosticsAccess;
  live: SignallingProbe;
  calls: CallControl;
  config(): SessionConfig | null;
  log: Logger;
  probes?: Probes;
}

interface Context {
  endpoints: Endpoints;
  token: string;
  servers: SplitServers;
  testNumber: string | undefined;
}

type Profile = 'standard' | 'high-latency' | 'custom';

export class CheckRunner {
  #run: CheckRun | null = null;
  #running = false;
  #done: Promise<void> = Promise.resolve();

  constructor(private readonly deps: CheckDeps) {}

  status(): CheckStatus {
    return { running: this.#running, run: this.#run === null ? null : structuredClone(this.#run) };
  }

  /** The last run, for the support bundle. */
  last(): CheckRun | null {
    return this.#run;
  }

  /** Settles when the current run (if any) has finished. */
  settled(): Promise<void> {
    return this.#done;
  }

  start(input: CheckStart): CheckStatus {
    if (this.#running) {
      return this.status();
    }
    const config = this.deps.config();
    if (config === null) {
      throw new AppError('auth.signed-out', 'Sign in to Genesys Cloud before running the check.');
    }
    const run: CheckRun = {
      id: crypto.randomUUID(),
      startedAt: Math.round(this.deps.env.now()),
      current: null,
      results: {},
      verdict: null,
      media: 'none',
    };
    this.#run = run;
    this.#running = true;
    const context: Context = {
      endpoints: endpointsFor(config),
      token: config.accessToken,
      servers: { stun: [], turn: [] },
      testNumber: input.testNumber,
    };
    const kind = config.network['kind'];
    const profile: Profile = kind === 'high-latency' || kind === 'custom' ? kind : 'standard';
    this.#done = this.#execute(run, context, profile)
      .catch((error: unknown) => {
        this.deps.log.error('connectivity check crashed', { error: String(error) });
      })
      .finally(() => {
        this.#running = false;
      });
    return this.status();
  }

  async #execute(run: CheckRun, context: Context, profile: Profile): Promise<void> {
    this.deps.log.info('connectivity check started', {
      environment: context.endpoints.environment,
    });
    for (const def of CONNECTIVITY_STEPS) {
      const blocker = blockedBy(def.id, run.results);
      run.current = def.id;
      const result: StepResult =
        blocker === undefined
          ? await this.#step(def.id, run, context).catch((error: unknown) => ({
              id: def.id,
              status: 'failed' as const,
              error: error instanceof Error ? error.message : String(error),
            }))
          : { id: def.id, status: 'skipped', skippedBecause: blocker };
      Object.assign(run.results, { [def.id]: result });
      this.deps.log.info('connectivity check step', {
        step: def.id,
        status: result.status,
        ...(result.durationMs !== undefined && { ms: result.durationMs }),
      });
    }
    run.current = null;
    run.verdict = connectivityVerdict(run.results, { profile });
    run.finishedAt = Math.round(this.deps.env.now());
    this.deps.log.info('connectivity check finished', {
      verdict: run.verdict.kind,
      layer: run.verdict.layer ?? 'none',
    });
  }

  async #step(id: StepId, run: CheckRun, context: Context): Promise<StepResult> {
    const { env, access, live, calls } = this.deps;
    const probe = this.deps.probes ?? REAL_PROBES;
    switch (id) {
      case 'dns-tls':
        return probe.hosts(env, context.endpoints);
      case 'websocket':
        return probe.websocket(env, context.endpoints, context.token, live);
      case 'ice-servers': {
        const { result, servers } = await probe.iceServers(env, access);
        context.servers = servers;
        return result;
      }
      case 'stun':
        return probe.stun(env, context.servers.stun);
      case 'turn':
        return probe.turn(env, context.servers.turn);
      case 'media': {
        const { result, source } = await probe.media(env, access, calls, context.testNumber);
        run.media = source;
        return result;
      }
    }
  }
}
