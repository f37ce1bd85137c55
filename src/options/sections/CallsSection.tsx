/** Call handling: auto-answer and desktop notifications. */
import { Field, Section } from '../ui/Field';
import type { SectionProps } from './types';

const OPTIONS = [
  { path: 'calls.autoAnswer', key: 'autoAnswer', label: 'autoAnswer', help: 'autoAnswerHelp' },
  {
    path: 'calls.notifications',
    key: 'notifications',
    label: 'notifications',
    help: 'notificationsHelp',
  },
] as const;

export function CallsSection({ draft, update, errors, isLocked, t }: SectionProps) {
  return (
    <Section id="calls" title={t('sectionCalls')}>
      {OPTIONS.map(({ path, key, label, help }) => (
        <Field
          key={path}
          path={path}
          label={t(label)}
          t={t}
          help={t(help)}
          locked={isLocked(path)}
          error={errors[path]}
          inline
        >
          {({ id, describedBy }) => (
            <input
              id={id}
              type="checkbox"
              checked={draft.calls[key]}
              disabled={isLocked(path)}
              aria-describedby={describedBy}
              onChange={(event) => update(path, event.currentTarget.checked)}
            />
          )}
        </Field>
      ))}
    </Section>
  );
}
