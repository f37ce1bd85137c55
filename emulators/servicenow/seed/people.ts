/**
 * Seeded people: customer contacts and users, with phone numbers written the many ways real
 * instances hold them. Numbers come from ranges reserved for fiction (555-01xx, 020 7946 0xxx,
 * 07700 900xxx, 01 99 00 xx xx, 02 5550 xxxx...). See numbers.ts for the ones tests rely on.
 */
import type { SnRecord } from '../store/table-store';
import { SEED_AGENT, seedSysId } from './ids';

export const HTML_FIRST_NAME = '<img src=x onerror=alert(1)>';

const CREATED = '2024-03-01 09:00:00';

/** [key, first name, last name, phone, mobile_phone, business_phone, account] */
type ContactRow = readonly [string, string, string, string, string, string, string];
/** [key, first name, last name, phone, mobile_phone, business_phone, title, department] */
type UserRow = readonly [string, string, string, string, string, string, string, string];

const CONTACTS: readonly ContactRow[] = [
  ['jane.doe', 'Jane', 'Doe', '+1 (415) 555-0101', '', '', 'Acme Corp'],
  ['raj.patel', 'Raj', 'Patel', '415-555-0132', '+1 415 555 0133', '', 'Acme Corp'],
  ['oliver.smith', 'Oliver', 'Smith', '+44 20 7946 0321', '', '+44 20 7946 0322', 'Globex Ltd'],
  ['mallory', HTML_FIRST_NAME, 'Mallory', '+44 20 7946 0018', '', '', 'Initech'],
  ['yuki.tanaka', 'Yuki', 'Tanaka', '+81 3-1234-5678', '', '', 'Umbrella KK'],
  ['maria.garcia', 'María', 'García', '(212) 555-0147', '', '212.555.0148', 'Globex Ltd'],
  ['pat.lee', 'Pat', 'Lee', '+1 (312) 555-0188', '', '', 'Lee Household'],
  ['chris.lee', 'Chris', 'Lee', '+1 (312) 555-0188', '312.555.0189', '', 'Lee Household'],
  ['sophie.martin', 'Sophie', 'Martin', '+33 1 99 00 12 34', '', '', 'Société Exemple'],
  ['lukas.becker', 'Lukas', 'Becker', '', '+49 1522 3433333', '+49 30 23125 123', 'Beispiel GmbH'],
  ['emma.wilson', 'Emma', 'Wilson', '+61 2 5550 4477', '', '', 'Example Pty'],
  ['noah.brown', 'Noah', 'Brown', '+14155550123', '+1-415-555-0124', '', 'Acme Corp'],
];

const USERS: readonly UserRow[] = [
  [SEED_AGENT.userName, 'Alex', 'Agent', '', '', '+1 (415) 555-0100', 'Agent', 'Customer Service'],
  [
    'beth.supervisor',
    'Beth',
    'Supervisor',
    '415 555 0140',
    '',
    '',
    'Team Lead',
    'Customer Service',
  ],
  ['carlos.ruiz', 'Carlos', 'Ruiz', '', '+34 600 000 123', '', 'Field Engineer', 'Field Services'],
  ['dana.kim', 'Dana', 'Kim', '+82 2-312-3456', '', '', 'Account Manager', 'Sales'],
  ['ethan.hunt', 'Ethan', 'Hunt', '(646) 555-0172', '', '', 'Network Engineer', 'IT'],
  ['fatima.khan', 'Fatima', 'Khan', '', '+44 7700 900123', '', 'Billing Specialist', 'Finance'],
  ['george.ito', 'George', 'Ito', '', '+81 90-1234-5678', '', 'Support Engineer', 'IT'],
  ['hannah.mueller', 'Hannah', 'Müller', '', '', '+49 89 1234567', 'Quality Analyst', 'Quality'],
];

function person(table: 'customer_contact' | 'sys_user', row: ContactRow | UserRow): SnRecord {
  const [key, first, last, phone, mobile, business] = row;
  return {
    sys_id: seedSysId(`${table}:${key}`),
    sys_class_name: table,
    first_name: first,
    last_name: last,
    name: `${first} ${last}`,
    email: `${key}@example.com`,
    phone,
    mobile_phone: mobile,
    business_phone: business,
    active: 'true',
    sys_created_on: CREATED,
    sys_created_by: 'admin',
    sys_updated_on: CREATED,
    sys_updated_by: 'admin',
    sys_mod_count: '0',
  };
}

export const contactSysId = (key: string): string => seedSysId(`customer_contact:${key}`);

export const SEED_CONTACTS: readonly SnRecord[] = CONTACTS.map((row) => ({
  ...person('customer_contact', row),
  account: row[6],
}));

export const SEED_USERS: readonly SnRecord[] = USERS.map((row) => ({
  ...person('sys_user', row),
  user_name: row[0],
  title: row[6],
  department: row[7],
}));
