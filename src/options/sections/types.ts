/** What every settings section receives from the options page. */
import type { Translate } from '../../shared/i18n';
import type { Settings } from '../../shared/settings/schema';
import type { FieldErrors } from '../model/draft';

export interface SectionProps {
  draft: Settings;
  /** Sets one value in the draft (dotted path). */
  update: (path: string, value: unknown) => void;
  errors: FieldErrors;
  isLocked: (path: string) => boolean;
  t: Translate;
}
