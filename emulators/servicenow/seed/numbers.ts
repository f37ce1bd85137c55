/**
 * Phone numbers of the seed that tests rely on. `e164` is what Genesys reports for the caller;
 * `stored` is how the seed writes it in the `field` column. The no-match number appears in no
 * record in any format.
 */
import { HTML_FIRST_NAME, contactSysId } from './people';

export const SEED_NUMBERS = {
  /** Exactly one contact (Jane Doe). */
  singleMatch: {
    e164: '+14155550101',
    stored: '+1 (415) 555-0101',
    table: 'customer_contact',
    field: 'phone',
    sysId: contactSysId('jane.doe'),
    name: 'Jane Doe',
  },
  /** Two contacts of one household share the number, written identically in `phone`. */
  duplicateMatch: {
    e164: '+13125550188',
    stored: '+1 (312) 555-0188',
    table: 'customer_contact',
    field: 'phone',
    sysIds: [contactSysId('pat.lee'), contactSysId('chris.lee')],
    names: ['Pat Lee', 'Chris Lee'],
  },
  /** One contact whose name is markup: it must show as text, never run. */
  htmlNameMatch: {
    e164: '+442079460018',
    stored: '+44 20 7946 0018',
    table: 'customer_contact',
    field: 'phone',
    sysId: contactSysId('mallory'),
    name: `${HTML_FIRST_NAME} Mallory`,
  },
  /** Nobody. */
  noMatch: {
    e164: '+14155550199',
  },
} as const;
