/**
 * The names admins ask for (from other softphones and support threads) and what Switchboard calls
 * them. Data for the documentation and the options page; some of the asked-for knobs do not
 * exist in the Genesys Cloud WebRTC SDK or Platform API and are listed with the reason.
 */

export interface SettingAlias {
  /** The name people ask for. */
  asked: string;
  /** Our field in the network profile, or null when there is no such knob. */
  ours: string | null;
  note: string;
}

export const SETTING_ALIASES: readonly SettingAlias[] = [
  {
    asked: 'keepAliveInterval',
    ours: 'heartbeatIntervalMs',
    note: 'How often signalling is checked for life (the SDK itself pings only every 14 s).',
  },
  {
    asked: 'heartbeatTimeout',
    ours: 'heartbeatTimeoutMs',
    note: 'How long without any answer before the link is declared dead and recovered.',
  },
  {
    asked: 'reconnectDelay',
    ours: 'reconnect.initialDelayMs',
    note: 'Delay before the first reconnect; later restarts back off up to reconnect.maxDelayMs.',
  },
  {
    asked: 'maxRetries',
    ours: 'reconnect.maxAttempts',
    note: 'Attempts per recovery before showing "connection failed"; 0 keeps trying.',
  },
  {
    asked: 'iceTimeout',
    ours: null,
    note: 'Does not exist: ICE is handled by the browser and the SDK; there is no client option.',
  },
  {
    asked: 'turnServers',
    ours: null,
    note:
      'Does not exist: ICE/TURN servers come from Genesys Cloud (service discovery); ' +
      'relay-only is a station setting.',
  },
];

/** Our field for an asked-for name (case-insensitive), undefined when the name is unknown. */
export function aliasFor(asked: string): SettingAlias | undefined {
  const key = asked.toLowerCase();
  return SETTING_ALIASES.find((alias) => alias.asked.toLowerCase() === key);
}
