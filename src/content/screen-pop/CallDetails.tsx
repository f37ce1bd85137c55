/**
 * The call's attributes as a collapsed list of text pairs, with a visible "truncated" marker when
 * the softphone capped them. Untrusted text, rendered as text; at most MAX_SHOWN entries.
 */
import type { Translate } from '../../shared/i18n';
import type { CallSnapshot } from '../../shared/session/snapshot';

export const MAX_SHOWN = 50;

export function CallDetails({ call, t }: { call: CallSnapshot; t: Translate }) {
  const entries = Object.entries(call.attributes);
  if (entries.length === 0 && !call.attributesTruncated) {
    return null;
  }
  return (
    <details class="sb-details">
      <summary>
        {t('callDetails', String(entries.length))}
        {call.attributesTruncated ? (
          <span class="sb-badge" data-truncated="">
            {t('attributesTruncated')}
          </span>
        ) : null}
      </summary>
      <dl>
        {entries.slice(0, MAX_SHOWN).map(([key, value]) => (
          <div class="sb-pair" key={key}>
            <dt>{key}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
