/** XML namespaces spoken on the streaming socket. */
export const NS = {
  framing: 'urn:ietf:params:xml:ns:xmpp-framing',
  streams: 'http://etherx.jabber.org/streams',
  client: 'jabber:client',
  sasl: 'urn:ietf:params:xml:ns:xmpp-sasl',
  bind: 'urn:ietf:params:xml:ns:xmpp-bind',
  stanzas: 'urn:ietf:params:xml:ns:xmpp-stanzas',
  streamErrors: 'urn:ietf:params:xml:ns:xmpp-streams',
  ping: 'urn:xmpp:ping',
  extdisco: 'urn:xmpp:extdisco:1',
  pubsub: 'http://jabber.org/protocol/pubsub',
  pubsubEvent: 'http://jabber.org/protocol/pubsub#event',
  json: 'urn:xmpp:json:0',
  jingleMessage: 'urn:xmpp:jingle-message:0',
  jingleRtp: 'urn:xmpp:jingle:apps:rtp:1',
  jingle: 'urn:xmpp:jingle:1',
  genesys: 'genesys',
} as const;
