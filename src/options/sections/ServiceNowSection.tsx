/** ServiceNow instances (with the host permission asked from the click), pop target, region. */
import { useEffect, useState } from 'preact/hooks';
import {
  addInstance,
  grant,
  permissionFor,
  ungranted,
  type PermissionsPort,
} from '../model/instances';
import { Field, LockNote, Section, fieldId } from '../ui/Field';
import type { SectionProps } from './types';

interface Props extends SectionProps {
  permissions: PermissionsPort;
}

export function ServiceNowSection({ draft, update, errors, isLocked, t, permissions }: Props) {
  const [input, setInput] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const instances = draft.servicenow.instances;
  const instancesLocked = isLocked('servicenow.instances');
  const inputId = fieldId('servicenow.newInstance');
  const [missing, setMissing] = useState<string[]>([]);
  const instanceKey = instances.join(' ');
  useEffect(() => {
    void ungranted(instances, permissions).then(setMissing);
  }, [instanceKey]);

  const grantAccess = async (origin: string) => {
    // Straight from the click, like adding: Chrome asks only during a user gesture.
    if (!(await grant(origin, permissions))) {
      setProblem(t('instanceDenied'));
    }
    setMissing(await ungranted(instances, permissions));
  };

  const add = async (event: Event) => {
    event.preventDefault();
    // Called straight from the click: chrome.permissions.request needs the user gesture.
    const result = await addInstance(instances, input, permissions);
    if (result.ok) {
      update('servicenow.instances', result.instances);
      setInput('');
      setProblem(null);
    } else if (result.reason === 'invalid') {
      setProblem(result.message ?? t('instanceInvalid'));
    } else {
      setProblem(result.reason === 'duplicate' ? t('instanceDuplicate') : t('instanceDenied'));
    }
  };

  return (
    <Section id="servicenow" title={t('sectionServiceNow')} intro={t('sectionServiceNowIntro')}>
      <h3 id="instances-title">{t('instances')}</h3>
      {instancesLocked ? <LockNote t={t} /> : null}
      <ul class="instance-list" aria-labelledby="instances-title">
        {instances.map((origin) => (
          <li key={origin}>
            <span class="mono">{origin}</span>
            {permissionFor(origin) ? <span class="tag">{t('customDomain')}</span> : null}
            {missing.includes(origin) ? (
              <button
                type="button"
                class="primary"
                onClick={() => void grantAccess(origin)}
                aria-label={t('grantAccessNamed', origin)}
              >
                {t('grantAccess')}
              </button>
            ) : null}
            {instancesLocked ? null : (
              <button
                type="button"
                class="danger"
                aria-label={t('removeNamed', origin)}
                onClick={() =>
                  update(
                    'servicenow.instances',
                    instances.filter((o) => o !== origin),
                  )
                }
              >
                {t('remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {instances.length === 0 ? <p class="empty">{t('noInstances')}</p> : null}
      {errors['servicenow.instances'] ? (
        <p class="error">{errors['servicenow.instances']}</p>
      ) : null}
      {instancesLocked ? null : (
        <form class="inline-form" onSubmit={(event) => void add(event)}>
          <label for={inputId}>{t('addInstanceLabel')}</label>
          <div class="row">
            <input
              id={inputId}
              type="text"
              class="mono"
              placeholder="https://acme.service-now.com"
              value={input}
              onInput={(event) => setInput(event.currentTarget.value)}
              aria-describedby={`${inputId}-help${problem ? ` ${inputId}-error` : ''}`}
              aria-invalid={problem !== null}
              spellcheck={false}
            />
            <button type="submit" disabled={input.trim() === ''}>
              {t('add')}
            </button>
          </div>
          <p class="help" id={`${inputId}-help`}>
            {t('addInstanceHelp')}
          </p>
          {problem ? (
            <p class="error" id={`${inputId}-error`} role="alert">
              {problem}
            </p>
          ) : null}
        </form>
      )}

      <div class="row">
        <Field
          path="servicenow.popTarget"
          label={t('popTarget')}
          t={t}
          locked={isLocked('servicenow.popTarget')}
          error={errors['servicenow.popTarget']}
        >
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              value={draft.servicenow.popTarget}
              disabled={isLocked('servicenow.popTarget')}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => update('servicenow.popTarget', event.currentTarget.value)}
            >
              <option value="focused">{t('popTargetFocused')}</option>
              <option value="all">{t('popTargetAll')}</option>
            </select>
          )}
        </Field>
        <Field
          path="servicenow.defaultRegion"
          label={t('defaultRegion')}
          t={t}
          help={t('defaultRegionHelp')}
          locked={isLocked('servicenow.defaultRegion')}
          error={errors['servicenow.defaultRegion']}
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              type="text"
              class="short"
              maxLength={2}
              value={draft.servicenow.defaultRegion}
              readOnly={isLocked('servicenow.defaultRegion')}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onInput={(event) =>
                update('servicenow.defaultRegion', event.currentTarget.value.toUpperCase())
              }
            />
          )}
        </Field>
      </div>
    </Section>
  );
}
