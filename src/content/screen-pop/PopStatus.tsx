/**
 * The lookup and what the pop did: searching, still searching, not found in time, the opened
 * record, a chooser when several match, the new interaction, or why nothing happened. A live
 * region (role=status) announces each change without moving focus. Labels are record text.
 */
import type { Translate } from '../../shared/i18n';
import type { PopView } from '../pop/pop-view';

interface Props {
  view: PopView;
  t: Translate;
  onOpen: (url: string) => void;
}

const isWebUrl = (url: string): boolean => /^https?:\/\//i.test(url);

function Body({ view, t, onOpen }: Props) {
  switch (view.status) {
    case 'searching':
      return <p>{t('lookupSearching')}</p>;
    case 'slow':
      return <p>{t('lookupSlow')}</p>;
    case 'timeout':
      return <p>{t('lookupTimeout')}</p>;
    case 'error':
      return <p>{t('lookupError', view.code)}</p>;
    case 'blocked':
      return <p>{t('popBlocked', view.code)}</p>;
    case 'none':
      return <p>{t('lookupNone')}</p>;
    case 'opened':
      return view.pending ? (
        <p>
          {t('popFound', view.label)}{' '}
          <button type="button" class="sb-link" data-action="open" onClick={() => onOpen(view.url)}>
            {t('openRecord')}
          </button>
        </p>
      ) : (
        <p>{t('popOpened', view.label)}</p>
      );
    case 'created':
      return view.pending ? (
        <p>
          {t('lookupNone')}{' '}
          <button
            type="button"
            class="sb-link"
            data-action="create"
            onClick={() => onOpen(view.url)}
          >
            {t('newInteraction')}
          </button>
        </p>
      ) : (
        <p>{t('popCreated')}</p>
      );
    case 'link':
      return isWebUrl(view.url) ? (
        <p>
          <a href={view.url} target="_blank" rel="noopener noreferrer">
            {t('openPage')}
          </a>
        </p>
      ) : null;
    case 'chooser':
      return (
        <div>
          <p>{t('popChooser', String(view.choices.length))}</p>
          <ul class="sb-choices">
            {view.choices.map((choice) => (
              <li key={choice.url}>
                <button type="button" data-action="choose" onClick={() => onOpen(choice.url)}>
                  {choice.label} <span class="sb-muted">{choice.table}</span>
                </button>
              </li>
            ))}
          </ul>
          {view.truncated ? <p class="sb-muted">{t('popChooserTruncated')}</p> : null}
        </div>
      );
  }
}

export function PopStatus(props: Props) {
  return (
    <div class="sb-pop" role="status" data-pop={props.view.status}>
      <Body {...props} />
    </div>
  );
}
