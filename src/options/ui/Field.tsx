/**
 * Form building blocks: every control has a visible label, its help and error are tied to it with
 * aria-describedby, an error sets aria-invalid, and a field an administrator set is read-only
 * with a "Set by your administrator" note.
 */
import type { ComponentChildren } from 'preact';
import type { Translate } from '../../shared/i18n';

export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export interface FieldFrame {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}

interface FieldProps {
  path: string;
  label: string;
  t: Translate;
  help?: ComponentChildren;
  error?: string | undefined;
  locked?: boolean;
  /** Renders the control with the ids to use. */
  children: (frame: FieldFrame) => ComponentChildren;
  inline?: boolean;
}

export function Field({
  path,
  label,
  t,
  help,
  error,
  locked = false,
  children,
  inline = false,
}: FieldProps) {
  const id = fieldId(path);
  const ids = [help ? `${id}-help` : '', locked ? `${id}-locked` : '', error ? `${id}-error` : ''];
  const describedBy = ids.filter(Boolean).join(' ') || undefined;
  return (
    <div
      class={`field${inline ? ' field--inline' : ''}${error ? ' field--invalid' : ''}`}
      data-path={path}
    >
      <label for={id}>{label}</label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {help ? (
        <p class="help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
      {locked ? <LockNote id={`${id}-locked`} t={t} /> : null}
      {error ? (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A small padlock drawn inline (no icon font or emoji font needed). */
function LockIcon() {
  return (
    <svg
      class="lock-icon"
      viewBox="0 0 16 16"
      width="12"
      height="12"
      aria-hidden="true"
      focusable="false"
    >
      <path
        fill="currentColor"
        d="M4 7V5a4 4 0 1 1 8 0v2h.5A1.5 1.5 0 0 1 14 8.5v6a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 14.5v-6A1.5 1.5 0 0 1 3.5 7H4Zm2 0h4V5a2 2 0 1 0-4 0v2Z"
      />
    </svg>
  );
}

export function LockNote({ id, t }: { id?: string; t: Translate }) {
  return (
    <p class="locked-note" id={id}>
      <LockIcon />
      {t('setByAdministrator')}
    </p>
  );
}

export function Section({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  children: ComponentChildren;
}) {
  return (
    <section class="card" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro ? <p class="intro">{intro}</p> : null}
      {children}
    </section>
  );
}
