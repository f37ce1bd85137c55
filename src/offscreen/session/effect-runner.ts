/**
 * Runs the session machine's effects: SDK lifecycle through the SdkDriver, the machine's named
 * timers (retry, grace, probe) on the injected clock, the reachability probe the 'probe' timer
 * asks for (the Platform API, or the streaming host when the timer says so), publish requests and the machine's log lines. A probe's answer that arrives after its
 * timer was replaced or cancelled is dropped.
 */
import type { Logger } from '../../shared/logger';
import type { NetworkProfile } from '../../shared/session/network-profile';
import {
  softReconnectTimeoutMs,
  streamingProbeTimeoutMs,
} from '../../shared/session/recovery-timings';
import type { SessionEvent } from '../../shared/session/session-events';
import type { Effect, ProbeTarget, TimerName } from '../../shared/session/session-states';
import { NamedTimers, type Clock } from './clock';
import type { Failure, SdkDriver } from './sdk-driver';
import {
  probeTimeoutMs,
  reachabilityUrl,
  softphoneConfig,
  streamingProbeUrl,
  type ActiveConfig,
} from './session-config';

export interface EffectRunnerDeps {
  clock: Clock;
  driver: SdkDriver;
  log: Logger;
  config(): ActiveConfig | undefined;
  profile(): NetworkProfile;
  send(event: SessionEvent): void;
  failed(failure: Failure): void;
  publish(): void;
  /** Before the SDK instance goes (the heartbeat must not ping a dying instance). */
  beforeDestroy(): void;
  reachable(url: string, timeoutMs: number): Promise<boolean>;
}

const TIMER_EVENTS: Record<Exclude<TimerName, 'probe'>, SessionEvent> = {
  retry: { type: 'retry-due' },
  grace: { type: 'grace-expired' },
};

export class EffectRunner {
  readonly #timers: NamedTimers<TimerName>;
  #probeRun = 0;
  #probeTarget: ProbeTarget = 'api';

  constructor(private readonly deps: EffectRunnerDeps) {
    this.#timers = new NamedTimers(deps.clock);
  }

  run(effect: Effect): void {
    const { deps } = this;
    switch (effect.type) {
      case 'create-sdk': {
        const config = deps.config();
        if (config === undefined) {
          deps.send({ type: 'start-failed', reason: 'config', message: 'Not signed in.' });
        } else {
          deps.driver.start(softphoneConfig(config), (f) => {
            deps.failed(f);
          });
        }
        break;
      }
      case 'destroy-sdk':
        deps.beforeDestroy();
        deps.driver.destroy();
        break;
      case 'soft-reconnect':
        deps.driver.softReconnect(softReconnectTimeoutMs(deps.profile()), (f) => {
          deps.failed(f);
        });
        break;
      case 'schedule':
        if (effect.timer === 'probe') {
          this.#probeRun++;
          this.#probeTarget = effect.target ?? 'api';
        }
        this.#timers.set(effect.timer, effect.delayMs, () => this.#fired(effect.timer));
        break;
      case 'cancel':
        this.#probeRun += effect.timer === 'probe' ? 1 : 0;
        this.#timers.cancel(effect.timer);
        break;
      case 'publish':
        deps.publish();
        break;
      case 'log':
        deps.log[effect.level](effect.message);
        break;
    }
  }

  cancelAll(): void {
    this.#probeRun++;
    this.#timers.cancelAll();
  }

  #fired(timer: TimerName): void {
    if (timer === 'probe') {
      this.#probe();
    } else {
      this.deps.send(TIMER_EVENTS[timer]);
    }
  }

  #probe(): void {
    const run = this.#probeRun;
    const config = this.deps.config();
    const report = (ok: boolean) => {
      if (run === this.#probeRun) {
        this.deps.log.debug('reachability probe', { ok, target: this.#probeTarget });
        this.deps.send({ type: ok ? 'probe-ok' : 'probe-failed' });
      }
    };
    if (config === undefined) {
      report(false);
      return;
    }
    let url: string;
    try {
      url =
        this.#probeTarget === 'streaming'
          ? streamingProbeUrl(config)
          : reachabilityUrl(config.session.sdkEnvironment);
    } catch {
      report(false);
      return;
    }
    const timeout =
      this.#probeTarget === 'streaming'
        ? streamingProbeTimeoutMs()
        : probeTimeoutMs(config.profile);
    this.deps.reachable(url, timeout).then(report, () => {
      report(false);
    });
  }
}
