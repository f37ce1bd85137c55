/** Minimal JID handling: split `local@domain/resource` and build the gjoll JIDs softphone calls use. */
export interface Jid {
  local: string;
  domain: string;
  resource: string;
  bare: string;
  full: string;
}

export function parseJid(value: string): Jid {
  const slash = value.indexOf('/');
  const bare = slash === -1 ? value : value.slice(0, slash);
  const resource = slash === -1 ? '' : value.slice(slash + 1);
  const at = bare.indexOf('@');
  const local = at === -1 ? '' : bare.slice(0, at);
  const domain = at === -1 ? bare : bare.slice(at + 1);
  return { local, domain, resource, bare, full: value };
}

export function bareOf(value: string): string {
  return parseJid(value).bare;
}

/** The JID a softphone session's signalling comes from; the SDK classifies it by "gjoll". */
export function gjollJid(sessionId: string, domain: string): string {
  return `${sessionId}@gjoll.${domain}/gjoll`;
}

export function isGjollJid(value: string): boolean {
  return /@gjoll\./i.test(value);
}

/** The session id encoded in a gjoll JID's local part. */
export function sessionIdOfGjoll(value: string): string | undefined {
  const jid = parseJid(value);
  return isGjollJid(value) && jid.local ? jid.local : undefined;
}
