/**
 * Helpers for the softphone, reconnect and survival suites: call commands as the UI sends them,
 * the offscreen document's diagnostics handle, two-way audio checks (the emulator's far-end RTP
 * counters and the softphone's own getStats), a connection-state recorder, and measurements that
 * go to the test output (never asserted: timings are reported, not tested).
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { evaluateInOffscreen, type ExtensionHandle } from '../support/extension';
import { snapshot, type Stack } from '../support/stack';

export async function command(stack: Stack, data: Record<string, unknown>): Promise<void> {
  const reply = await stack.toWorker('call.command', data);
  if (!reply.ok) {
    throw Object.assign(new Error(`call.command failed: ${JSON.stringify(reply.error)}`), {
      code: reply.error?.code,
    });
  }
}

/** Evaluates `switchboardDiagnostics.<expression>` in the offscreen document. */
export function diagnostics<T>(ext: ExtensionHandle, expression: string): Promise<T> {
  return evaluateInOffscreen<T>(ext, `globalThis.switchboardDiagnostics.${expression}`);
}

export interface Counters {
  /** RTP the far end received from the agent. */
  farReceived: number;
  /** RTP the agent's softphone received from the far end. */
  agentReceived: number;
}

export async function counters(stack: Stack, conversationId: string): Promise<Counters> {
  const far = await stack.genesys.control.media(conversationId);
  const stats = await diagnostics<{ packetsReceived: number } | null>(
    stack.ext,
    `mediaStats(${JSON.stringify(conversationId)})`,
  );
  return {
    farReceived: far.peer?.packetsReceived ?? 0,
    agentReceived: stats?.packetsReceived ?? 0,
  };
}

/** Waits until audio packets keep arriving in both directions (both counters grow by `min`). */
export async function audioBothWays(
  stack: Stack,
  conversationId: string,
  min = 25,
  timeoutMs = 10_000,
): Promise<Counters> {
  const start = await counters(stack, conversationId);
  return stack.genesys.control.waitFor(
    `audio both ways on ${conversationId}`,
    async () => {
      const now = await counters(stack, conversationId);
      const grew =
        now.farReceived - start.farReceived >= min &&
        now.agentReceived - start.agentReceived >= min;
      return grew ? now : null;
    },
    timeoutMs,
    200,
  );
}

export interface CallView {
  conversationId: string;
  state: string;
  muted: boolean;
  held: boolean;
  error?: { code: string; message: string };
}

/** One call of the snapshot the worker stores (what every tab and the popup are shown). */
export async function callState(
  stack: Stack,
  conversationId: string,
): Promise<CallView | undefined> {
  const reply = await stack.toWorker<{ snapshot: { calls: CallView[] } | null }>('ui.state', null);
  return reply.value.snapshot?.calls.find((c) => c.conversationId === conversationId);
}

/** Records the connection state (as the worker stores it) every `everyMs` until stopped. */
export function recordStates(stack: Stack, everyMs = 50) {
  const seen: { t: number; state: string; lastRecoveryMs?: number }[] = [];
  const state = { running: true };
  const loop = (async () => {
    while (state.running) {
      const s = await snapshot(stack).catch(() => null);
      if (s !== null && seen.at(-1)?.state !== s.connection.state) {
        seen.push({
          t: Date.now(),
          state: s.connection.state,
          ...(s.connection.lastRecoveryMs !== undefined && {
            lastRecoveryMs: s.connection.lastRecoveryMs,
          }),
        });
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    seen,
    states: () => seen.map((s) => s.state),
    async stop() {
      state.running = false;
      await loop;
      return seen;
    },
  };
}

/** Polls until the stored snapshot's connection is in `state`; returns when it got there. */
export async function connectionReaches(
  stack: Stack,
  state: string,
  timeoutMs: number,
  except?: string,
): Promise<number> {
  await stack.genesys.control.waitFor(
    `connection ${except === undefined ? state : `not ${except}`}`,
    async () => {
      const current = (await snapshot(stack))?.connection.state;
      return except === undefined ? current === state : current !== undefined && current !== except;
    },
    timeoutMs,
    50,
  );
  return Date.now();
}

const RESULTS = resolve(import.meta.dirname, '../../test-results/softphone-measurements.jsonl');

/** Prints a measurement and appends it to test-results/softphone-measurements.jsonl. */
export function measure(name: string, value: number | string | Record<string, unknown>): void {
  const line = JSON.stringify({ at: new Date().toISOString(), name, value });
  console.log(`[measure] ${line}`);
  try {
    mkdirSync(resolve(RESULTS, '..'), { recursive: true });
    appendFileSync(RESULTS, `${line}\n`);
  } catch {
    // The console line is enough.
  }
}

interface LogLine {
  t: number;
  level: string;
  scope: string;
  msg: string;
  data?: unknown;
}

/** Prints the offscreen document's log since `since` (for a failed test's output). */
export async function printOffscreenLog(stack: Stack, since: number): Promise<void> {
  const lines = await diagnostics<LogLine[]>(stack.ext, 'logs()').catch(() => []);
  for (const e of lines.filter((line) => line.t >= since)) {
    const data = e.data === undefined ? '' : ` ${JSON.stringify(e.data).slice(0, 300)}`;
    console.log(`[offscreen +${e.t - since} ms] ${e.level} ${e.scope} ${e.msg}${data}`);
  }
}
