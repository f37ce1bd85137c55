/**
 * Screen-pop rules as JSON with live validation (parseScreenPopConfig: each problem with its path)
 * and a plain summary of the rules. An invalid text stays in the draft, so Save stays disabled.
 */
import { useState } from 'preact/hooks';
import { messageKey } from '../../shared/i18n';
import {
  DEFAULT_SCREEN_POP_CONFIG,
  parseScreenPopConfig,
  type Rule,
} from '../../shared/screenpop/rules';
import { Field, LockNote, Section } from '../ui/Field';
import type { SectionProps } from './types';

const FIELDS = ['budgetMs', 'maxResults', 'defaultRegion', 'allowedUrlHosts', 'rules'] as const;

function RuleSummary({ rule, t }: { rule: Rule; t: SectionProps['t'] }) {
  const what =
    rule.action.type === 'search'
      ? t('ruleSearches', rule.action.search.tables.map((table) => table.table).join(', '))
      : t('ruleOpensUrl', rule.action.template);
  return (
    <li class={rule.enabled ? undefined : 'is-disabled'}>
      <strong>{rule.name}</strong>
      <span class="tag">{t(messageKey('ruleWhen', rule.when))}</span>
      {rule.enabled ? null : <span class="tag">{t('ruleDisabled')}</span>}
      <span class="muted">{what}</span>
    </li>
  );
}

export function ScreenPopSection({ draft, update, isLocked, t }: SectionProps) {
  const [text, setText] = useState(() => JSON.stringify(draft.screenPop, null, 2));
  const [syntaxError, setSyntaxError] = useState<string | null>(null);
  const locked = FIELDS.filter((field) => isLocked(`screenPop.${field}`));
  const result = parseScreenPopConfig(draft.screenPop);
  const issues = syntaxError ? [] : result.ok ? [] : result.issues;

  const edit = (value: string) => {
    setText(value);
    try {
      const parsed: unknown = JSON.parse(value);
      setSyntaxError(null);
      const checked = parseScreenPopConfig(parsed);
      update('screenPop', checked.ok ? checked.value : parsed);
    } catch (error) {
      setSyntaxError((error as Error).message);
      update('screenPop', value); // not an object: the draft is invalid until the JSON parses
    }
  };
  const error = syntaxError
    ? t('jsonSyntaxError', syntaxError)
    : issues.length > 0
      ? t('rulesInvalid', String(issues.length))
      : undefined;

  return (
    <Section id="screenpop" title={t('sectionScreenPop')} intro={t('sectionScreenPopIntro')}>
      {locked.length > 0 ? <LockNote t={t} /> : null}
      <h3>{t('rulesSummary')}</h3>
      {result.ok ? (
        <ol class="rule-list">
          {result.value.rules.map((rule) => (
            <RuleSummary key={rule.id} rule={rule} t={t} />
          ))}
        </ol>
      ) : (
        <p class="muted">{t('rulesSummaryUnavailable')}</p>
      )}
      <Field path="screenPop" label={t('rulesJson')} t={t} help={t('rulesJsonHelp')} error={error}>
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            class="mono code"
            rows={14}
            value={text}
            readOnly={locked.length > 0}
            spellcheck={false}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(event) => edit(event.currentTarget.value)}
          />
        )}
      </Field>
      {issues.length > 0 ? (
        <ul class="issues" aria-label={t('rulesProblems')}>
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              <code>{issue.path || '(root)'}</code> {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
      {locked.length > 0 ? null : (
        <button
          type="button"
          onClick={() => edit(JSON.stringify(DEFAULT_SCREEN_POP_CONFIG, null, 2))}
        >
          {t('resetRules')}
        </button>
      )}
    </Section>
  );
}
