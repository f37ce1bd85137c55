/**
 * A 401 reported mid-shift: renew now, once, with backoff (no storm), using the policy in
 * shared/auth/token-schedule and memory kept in storage.session.
 */
import { onUnauthorized, type UnauthorizedDecision } from '../../shared/auth/token-schedule';
import { RENEW_ALARM } from './alarms';
import type { AuthCore } from './auth-core';

/** A renewal mark older than this was left by a worker that died. */
const STALE_RENEWAL_MS = 2 * 60_000;

export type UnauthorizedResult = UnauthorizedDecision['kind'] | 'signed-out';

export async function handleUnauthorized(
  core: AuthCore,
  renewal: { running: boolean; renew(): Promise<unknown> },
): Promise<UnauthorizedResult> {
  const { store, alarms } = core.deps;
  const stored = await store.load();
  if (stored === null) {
    return 'signed-out';
  }
  const now = core.now();
  const record = await store.loadRenewal();
  const marked = record.renewingSince !== null && now - record.renewingSince < STALE_RENEWAL_MS;
  const decision = onUnauthorized(record.unauthorized, {
    now,
    tokenIssuedAt: stored.tokens.issuedAt,
    renewing: renewal.running || marked,
  });
  await store.saveRenewal({ ...record, unauthorized: decision.memory });
  core.log('auth.unauthorized', { decision: decision.kind });
  switch (decision.kind) {
    case 'renew-now':
      await renewal.renew();
      break;
    case 'wait': {
      const existing = await alarms.get(RENEW_ALARM);
      if (existing === undefined || existing.scheduledTime > decision.until) {
        await alarms.create(RENEW_ALARM, { when: decision.until });
      }
      break;
    }
    case 'ask-agent':
      await core.deps.askAgent({
        profileId: stored.profileId,
        code: 'auth.invalid-grant',
        message: 'Genesys Cloud keeps refusing the sign-in after several renewals. Sign in again.',
      });
      break;
    case 'ignore':
      break;
  }
  return decision.kind;
}
