/**
 * What the screen pop shows about its lookup and action for one call. Labels and URLs come from
 * ServiceNow records and settings: the UI renders them as text and only follows same-origin URLs.
 */
export interface ChoiceView {
  label: string;
  table: string;
  url: string;
}

export type PopView =
  | { status: 'searching' }
  | { status: 'slow' }
  | { status: 'timeout' }
  | { status: 'error'; code: string }
  | { status: 'blocked'; code: string }
  | { status: 'none' }
  /** One match (or the record a dialled number came from). `pending`: waits for the agent. */
  | { status: 'opened'; label: string; url: string; pending: boolean }
  | { status: 'chooser'; choices: ChoiceView[]; truncated: boolean }
  | { status: 'created'; url: string; pending: boolean }
  /** A URL rule's page on another allowed host: offered as a link, never opened unasked. */
  | { status: 'link'; url: string };
