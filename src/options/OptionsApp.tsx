/**
 * The options page: loads the effective settings (with the fields an administrator locked) from
 * the worker, edits a draft validated on every change, and saves through the worker, which
 * validates again and refuses locked fields. Sections live in sections/.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Translate } from '../shared/i18n';
import type { WorkerApi } from '../shared/protocol/contract';
import type { AuthState } from '../shared/protocol/messages/auth';
import type { createRequester } from '../shared/protocol/messenger';
import { isLocked as lockedIn, type SettingsView } from '../shared/settings/managed';
import type { Settings } from '../shared/settings/schema';
import { fieldErrors, keepLocked, sameSettings, setPath } from './model/draft';
import { EXPORT_FILE_NAME, exportSettings, importSettings } from './model/io';
import type { PermissionsPort } from './model/instances';
import { AudioSection } from './sections/AudioSection';
import { CallsSection } from './sections/CallsSection';
import { NetworkSection } from './sections/NetworkSection';
import { PresenceSection } from './sections/PresenceSection';
import { ProfilesSection } from './sections/ProfilesSection';
import { ScreenPopSection } from './sections/ScreenPopSection';
import { ServiceNowSection } from './sections/ServiceNowSection';
import type { SectionProps } from './sections/types';
import { errorText } from '../shared/diagnostics/error-keys';

export type Broadcast = 'settings.changed' | 'auth.changed';

export interface OptionsDeps {
  t: Translate;
  worker: ReturnType<typeof createRequester<WorkerApi>>;
  permissions: PermissionsPort;
  /** Worker broadcasts to extension pages; returns an unsubscribe function. */
  onBroadcast: (listener: (type: Broadcast) => void) => () => void;
  download: (fileName: string, text: string) => void;
}

interface Status {
  kind: 'ok' | 'error' | 'info';
  text: string;
  issues?: { path: string; message: string }[];
}

const SECTIONS = [
  { id: 'profiles', titleKey: 'sectionProfiles' },
  { id: 'servicenow', titleKey: 'sectionServiceNow' },
  { id: 'screenpop', titleKey: 'sectionScreenPop' },
  { id: 'network', titleKey: 'sectionNetwork' },
  { id: 'audio', titleKey: 'sectionAudio' },
  { id: 'calls', titleKey: 'sectionCalls' },
] as const;

export function OptionsApp({ deps }: { deps: OptionsDeps }) {
  const { t, worker } = deps;
  const [view, setView] = useState<SettingsView | null>(null);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [revision, setRevision] = useState(0);
  const [auth, setAuth] = useState<AuthState | null>(null);
  const [authBusy, setAuthBusy] = useState(false);
  const [authError, setAuthError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [saving, setSaving] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const dirtyRef = useRef(false);

  const load = async (resetDraft: boolean) => {
    const next = await worker('settings.get', null);
    setView(next);
    setDraft((current) =>
      resetDraft || current === null
        ? next.settings
        : keepLocked(current, next.settings, next.locked),
    );
    if (resetDraft) {
      setRevision((r) => r + 1);
    }
  };
  const loadAuth = () => worker('auth.state', null).then(setAuth, () => undefined);

  useEffect(() => {
    load(true).catch((error: unknown) =>
      setStatus({ kind: 'error', text: t('loadFailed', String(error)) }),
    );
    void loadAuth();
    return deps.onBroadcast((type) => {
      if (type === 'settings.changed') {
        void load(!dirtyRef.current);
      } else {
        void loadAuth();
      }
    });
  }, []);

  const errors = useMemo(() => (draft ? fieldErrors(draft) : {}), [draft]);
  if (!view || !draft) {
    return (
      <main class="loading">
        <p role="status">{status?.text ?? t('loading')}</p>
      </main>
    );
  }
  const dirty = !sameSettings(draft, view.settings);
  dirtyRef.current = dirty;
  const errorCount = Object.keys(errors).length;
  const canSave = dirty && errorCount === 0 && !saving;
  const props: SectionProps = {
    draft,
    update: (path, value) => {
      setStatus(null);
      setDraft((current) => (current ? setPath(current, path, value) : current));
    },
    errors,
    isLocked: (path) => lockedIn(view.locked, path),
    t,
  };

  const save = async () => {
    setSaving(true);
    try {
      const result = await worker('settings.save', { settings: draft });
      if (result.ok) {
        await load(true);
        setStatus({ kind: 'ok', text: t('saved') });
      } else {
        setStatus({ kind: 'error', text: t('saveRefused'), issues: result.issues });
      }
    } catch (error) {
      setStatus({ kind: 'error', text: t('saveFailed', String(error)) });
    } finally {
      setSaving(false);
    }
  };

  const importFile = async (file: File) => {
    const result = importSettings(await file.text());
    if (!result.ok) {
      setStatus({ kind: 'error', text: t('importInvalid'), issues: result.issues });
      return;
    }
    setDraft(keepLocked(result.settings, view.settings, view.locked));
    setRevision((r) => r + 1);
    setStatus({
      kind: 'info',
      text: view.locked.length > 0 ? t('importedKeptLocked') : t('imported'),
    });
  };

  const signIn = async (signOut: boolean) => {
    setAuthBusy(true);
    setAuthError(null);
    try {
      setAuth(await (signOut ? worker('auth.signOut', null) : worker('auth.signIn', {})));
    } catch (error) {
      setAuthError(errorText(error, t));
    } finally {
      setAuthBusy(false);
    }
  };

  return (
    <div class="layout">
      <header class="topbar">
        <img src="/icons/icon-32.png" alt="" width={28} height={28} />
        <h1>{t('optionsTitle')}</h1>
        <a href="/src/diagnostics/diagnostics.html">{t('diagnosticsLink')}</a>
      </header>
      <nav class="sidenav" aria-label={t('sections')}>
        <ul>
          {SECTIONS.map(({ id, titleKey }) => (
            <li key={id}>
              <a href={`#${id}`}>{t(titleKey)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        {view.locked.length > 0 ? (
          <div class="notice" role="note">
            <strong>{t('managedNoticeTitle')}</strong>{' '}
            {t('managedNotice', String(view.locked.length))}
          </div>
        ) : null}
        {view.problems.length > 0 ? (
          <div class="notice notice--warn" role="note" id="policy-problems">
            <strong>{t('policyProblemsTitle')}</strong>
            <ul>
              {view.problems.map((problem) => (
                <li key={problem.path}>
                  <code>{problem.path}</code> {problem.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <ProfilesSection
          {...props}
          auth={auth}
          authBusy={authBusy}
          authError={authError}
          unsavedProfiles={JSON.stringify(draft.genesys) !== JSON.stringify(view.settings.genesys)}
          onSignIn={() => void signIn(false)}
          onSignOut={() => void signIn(true)}
          switchOrg={(profileId, confirmEndCalls) =>
            worker('auth.switchOrg', { profileId, confirmEndCalls })
          }
        />
        <ServiceNowSection {...props} permissions={deps.permissions} />
        <ScreenPopSection key={revision} {...props} />
        <NetworkSection {...props} />
        <AudioSection {...props} />
        <CallsSection {...props} />
        <PresenceSection {...props} />
      </main>
      <footer class="savebar" aria-label={t('saveBar')}>
        <div class="savebar-status" role="status" aria-live="polite">
          {status ? <span class={`status-${status.kind}`}>{status.text}</span> : null}
          {status?.issues ? (
            <ul class="issues">
              {status.issues.map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>
                  <code>{issue.path || '(root)'}</code> {issue.message}
                </li>
              ))}
            </ul>
          ) : null}
          {!status && errorCount > 0 ? (
            <span class="status-error">{t('fixErrors', String(errorCount))}</span>
          ) : null}
          {!status && errorCount === 0 && dirty ? <span>{t('unsavedChanges')}</span> : null}
        </div>
        <div class="savebar-actions">
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file) {
                void importFile(file);
              }
            }}
          />
          <button type="button" onClick={() => fileInput.current?.click()}>
            {t('importSettings')}
          </button>
          <button
            type="button"
            onClick={() => deps.download(EXPORT_FILE_NAME, exportSettings(view.settings))}
          >
            {t('exportSettings')}
          </button>
          <button
            type="button"
            disabled={!dirty}
            onClick={() => {
              setDraft(view.settings);
              setRevision((r) => r + 1);
              setStatus(null);
            }}
          >
            {t('discard')}
          </button>
          <button
            type="button"
            class="primary"
            id="save"
            disabled={!canSave}
            onClick={() => void save()}
          >
            {saving ? t('saving') : t('save')}
          </button>
        </div>
      </footer>
    </div>
  );
}
