/**
 * The values a call offers to URL templates and to prefilled records. The number is E.164 when it
 * can be normalised; other text is passed on as-is (capped) and encoded or neutralised by whoever
 * places it in a URL or a query.
 */
import type { CallSnapshot } from '../session/snapshot';
import type { TemplateValues } from '../servicenow/url-template';
import type { PhoneContext } from './phone-facts';

const MAX_TEXT = 256;

function capped(text: string | undefined): string {
  if (text === undefined) {
    return '';
  }
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
}

export function templateValuesFromCall(call: CallSnapshot, options: PhoneContext): TemplateValues {
  const raw = call.remote.number;
  return {
    number: options.phones.e164(raw) ?? capped(raw),
    name: capped(call.remote.name),
    queue: capped(call.queue),
    direction: call.direction,
    conversationId: capped(call.conversationId),
    attributes: call.attributes,
  };
}
