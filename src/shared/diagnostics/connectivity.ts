/**
 * Verdict of the connectivity check: from the six step results (see connectivity-steps.ts) to one
 * plain-words finding naming the failing layer, with the measured numbers and a remedy, plus any
 * secondary findings. Pure: the offscreen document runs the probes and passes their results in.
 */
import { SEVERITY_RANK } from './connectivity-findings';
import {
  allGoodDetail,
  finding,
  hostFindings,
  mediaFindings,
  pathFindings,
  signallingFindings,
  type Finding,
  type Steps,
  type VerdictOptions,
} from './connectivity-rules';
import { resolveSteps, type StepResult, type StepResults } from './connectivity-steps';

export type { Finding, VerdictOptions } from './connectivity-rules';

export interface ConnectivityVerdict extends Finding {
  ok: boolean;
  /** Secondary findings, most severe first. */
  also: Finding[];
  steps: StepResult[];
}

export function connectivityVerdict(
  results: StepResults,
  options: VerdictOptions = {},
): ConnectivityVerdict {
  const steps = resolveSteps(results);
  if (results['dns-tls'] === undefined) {
    const main = finding('incomplete', 'warning', null, 'No step has a result.');
    return { ...main, ok: false, also: [], steps };
  }
  const s = Object.fromEntries(steps.map((r) => [r.id, r])) as unknown as Steps;
  const findings = [
    ...hostFindings(s),
    ...signallingFindings(s),
    ...pathFindings(s),
    ...mediaFindings(s, options),
  ];
  // Stable sort: most severe first, then in step order (the order findings were produced).
  findings.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  const main = findings[0] ?? finding('all-good', 'ok', null, allGoodDetail(s));
  return { ...main, ok: main.severity !== 'error', also: findings.slice(1), steps };
}
