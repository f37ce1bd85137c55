/**
 * Step 1, DNS and TLS: one request to each of the region's API, login and streaming hosts (opaque
 * no-cors GETs: an answer of any kind proves name resolution, TCP and TLS), with the time each took.
 */
import type { HostProbe, StepResult } from '../../shared/diagnostics';
import { errorText, within, type CheckEnv } from './check-env';
import { httpOrigin, type Endpoints } from './endpoints';

export const HOST_TIMEOUT_MS = 5_000;

async function probeHost(
  env: CheckEnv,
  role: HostProbe['role'],
  origin: string,
): Promise<HostProbe> {
  const host = new URL(origin).host;
  const started = env.now();
  try {
    await within(
      env.fetch(`${origin}/`, { mode: 'no-cors', cache: 'no-store', credentials: 'omit' }),
      HOST_TIMEOUT_MS,
      host,
    );
    return { host, role, ok: true, ms: Math.round(env.now() - started) };
  } catch (error) {
    return { host, role, ok: false, ms: Math.round(env.now() - started), error: errorText(error) };
  }
}

export async function probeHosts(
  env: CheckEnv,
  endpoints: Endpoints,
): Promise<StepResult<'dns-tls'>> {
  const started = env.now();
  const hosts = await Promise.all([
    probeHost(env, 'api', endpoints.api),
    probeHost(env, 'login', endpoints.login),
    probeHost(env, 'streaming', httpOrigin(endpoints.streaming)),
  ]);
  const failed = hosts.filter((h) => !h.ok);
  return {
    id: 'dns-tls',
    status: failed.length === 0 ? 'ok' : 'failed',
    durationMs: Math.round(env.now() - started),
    metrics: { hosts },
    ...(failed.length > 0 && { error: `${String(failed.length)} of 3 hosts unreachable` }),
  };
}
