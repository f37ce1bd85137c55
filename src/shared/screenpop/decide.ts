/**
 * What the screen pop does once the lookup is over, as data: open a record, offer a chooser,
 * open a new prefilled record, show a notice, or nothing. URL rules skip the lookup entirely.
 * The content script only carries the decision out.
 */
import type { CallSnapshot } from '../session/snapshot';
import { newRecordUrl, recordUrl } from '../servicenow/urls';
import { renderUrlTemplate } from '../servicenow/url-template';
import type { FoundRecord, LookupResult } from './lookup';
import { newRecordPlan } from './new-record';
import type { NewRecordPlan } from './new-record';
import type { PhoneContext } from './phone-facts';
import type { Rule } from './rules';
import { templateValuesFromCall } from './template-values';

export type PopDecision =
  | { type: 'open'; url: string }
  | { type: 'chooser'; records: FoundRecord[]; truncated: boolean }
  | { type: 'create'; plan: NewRecordPlan; formUrl: string }
  | { type: 'notice'; notice: 'timeout' | 'error' | 'blocked-url'; code?: string }
  | { type: 'nothing' };

export interface DecideOptions extends PhoneContext {
  /** The ServiceNow page the agent is on (decides workspace or classic URLs). */
  pageUrl: string;
  allowedUrlHosts?: readonly string[];
}

/** For a URL rule: the URL to open, or a blocked notice. */
export function decideUrlPop(
  template: string,
  call: CallSnapshot,
  options: DecideOptions,
): PopDecision {
  const rendered = renderUrlTemplate(template, templateValuesFromCall(call, options), {
    pageUrl: options.pageUrl,
    allowedHosts: options.allowedUrlHosts ?? [],
  });
  return rendered.ok
    ? { type: 'open', url: rendered.url }
    : { type: 'notice', notice: 'blocked-url', code: `url.${rendered.reason}` };
}

/** For a search rule: the follow-up to a lookup result. */
export function decidePop(
  rule: Rule,
  result: LookupResult,
  call: CallSnapshot,
  options: DecideOptions,
): PopDecision {
  const { action } = rule;
  if (action.type === 'url') {
    return decideUrlPop(action.template, call, options);
  }
  switch (result.kind) {
    case 'one':
      return {
        type: 'open',
        url: recordUrl(options.pageUrl, result.record.table, result.record.sysId),
      };
    case 'many':
      return { type: 'chooser', records: result.records, truncated: result.truncated };
    case 'none': {
      const plan = newRecordPlan(action, call, options);
      if (plan === null) {
        return { type: 'nothing' };
      }
      return {
        type: 'create',
        plan,
        formUrl: newRecordUrl(options.pageUrl, plan.table, plan.fields),
      };
    }
    case 'timeout':
      return { type: 'notice', notice: 'timeout' };
    case 'error':
      return { type: 'notice', notice: 'error', code: result.code };
    case 'cancelled':
      return { type: 'nothing' };
  }
}
