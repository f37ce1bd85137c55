/**
 * The tables the stand-in knows: labels, record numbering, defaults on insert, and which columns
 * the list and form pages show. Records themselves are schemaless string maps.
 */

import { PRESENCE_TABLES, PRESENCE_TABLE_NAMES } from './presence-tables';

export const TABLE_NAMES = [
  'sys_user',
  'customer_contact',
  'interaction',
  'incident',
  ...PRESENCE_TABLE_NAMES,
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export interface TableDef {
  name: TableName;
  label: string;
  plural: string;
  /** Prefix of the `number` field given on insert (INC0010001), when the table numbers records. */
  numberPrefix?: string;
  /** Field whose value names a record in titles and references. */
  displayField: string;
  listColumns: readonly string[];
  formFields: readonly string[];
  phoneFields: readonly string[];
  defaults: Readonly<Record<string, string>>;
}

const PHONES = ['phone', 'mobile_phone', 'business_phone'] as const;
const PERSON_FORM = ['first_name', 'last_name', 'title', 'email', ...PHONES];

export const TABLES: Readonly<Record<TableName, TableDef>> = {
  sys_user: {
    name: 'sys_user',
    label: 'User',
    plural: 'Users',
    displayField: 'name',
    listColumns: ['name', 'user_name', 'title', ...PHONES],
    formFields: ['user_name', ...PERSON_FORM, 'department'],
    phoneFields: PHONES,
    defaults: { active: 'true' },
  },
  customer_contact: {
    name: 'customer_contact',
    label: 'Contact',
    plural: 'Contacts',
    displayField: 'name',
    listColumns: ['name', 'account', 'email', ...PHONES],
    formFields: [...PERSON_FORM, 'account'],
    phoneFields: PHONES,
    defaults: { active: 'true' },
  },
  interaction: {
    name: 'interaction',
    label: 'Interaction',
    plural: 'Interactions',
    numberPrefix: 'INT',
    displayField: 'number',
    listColumns: ['number', 'type', 'direction', 'state', 'u_caller_phone', 'u_conversation_id'],
    formFields: [
      'number',
      'type',
      'direction',
      'state',
      'contact',
      'u_caller_phone',
      'u_conversation_id',
      'u_recording_id',
      'short_description',
    ],
    phoneFields: ['u_caller_phone'],
    defaults: { state: 'new', type: 'phone', active: 'true' },
  },
  incident: {
    name: 'incident',
    label: 'Incident',
    plural: 'Incidents',
    numberPrefix: 'INC',
    displayField: 'number',
    listColumns: ['number', 'short_description', 'caller_id', 'priority', 'state'],
    formFields: ['number', 'caller_id', 'short_description', 'category', 'priority', 'state'],
    phoneFields: [],
    defaults: { state: '1', priority: '4', active: 'true' },
  },
  ...PRESENCE_TABLES,
};

export function isTableName(name: string): name is TableName {
  return (TABLE_NAMES as readonly string[]).includes(name);
}

const LABELS: Readonly<Record<string, string>> = {
  caller_id: 'Caller',
  u_caller_phone: 'Caller phone',
  u_conversation_id: 'Conversation ID',
  u_recording_id: 'Recording ID',
};

/** Label of a field: `mobile_phone` → `Mobile phone`, `u_foo_bar` → `Foo bar`. */
export function fieldLabel(field: string): string {
  const known = LABELS[field];
  if (known !== undefined) {
    return known;
  }
  const text = field.replace(/^u_/, '').split('_').join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
