/**
 * Cheap first pass over page text for click-to-dial: runs of digits and phone punctuation that may
 * be a phone number, not glued to letters (record numbers such as INC0010001 never qualify), and
 * not shaped like a date or a time. Each candidate is then parsed with libphonenumber-js.
 */
export const MAX_TEXT_LENGTH = 300;
export const MAX_CANDIDATES = 5;

const CANDIDATE = /(?<![\w+])\+?\(?\d[\d\s()./-]{5,24}\d(?!\w)/g;
const QUICK = /\d{2}/;
const DATE_LIKE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})(?:\s|$)/;

export function phoneCandidates(text: string, max = MAX_CANDIDATES): string[] {
  if (text.length > MAX_TEXT_LENGTH || !QUICK.test(text)) {
    return [];
  }
  const found: string[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const candidate = match[0].trim();
    if (!DATE_LIKE.test(candidate)) {
      found.push(candidate);
    }
    if (found.length >= max) {
      break;
    }
  }
  return found;
}
