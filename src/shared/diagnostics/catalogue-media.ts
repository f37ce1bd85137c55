/**
 * Catalogue of failures on the call path and around it: ICE, TURN, media, microphone, ServiceNow
 * and the extension itself. English text; keys derive from the code.
 */
import { entry } from './catalogue-types';

const RUN_CHECK = 'Run the connectivity check in Switchboard options and send the result to IT.';
const ASK_IT_TURN =
  'Ask IT to allow UDP 3478 and TCP/TLS 443 to the Genesys Cloud media (TURN) servers, without TLS inspection.';
const GRANT_MIC =
  'Open Switchboard options and allow the microphone, then check Chrome’s site settings for the extension.';

export const MEDIA_CATALOGUE = {
  'ice.failed': entry(
    'ice',
    'No network path for the call audio could be established.',
    RUN_CHECK,
    true,
  ),
  'ice.disconnected': entry(
    'ice',
    'The call audio path was interrupted.',
    'Wait a few seconds: it usually recovers. If the line stays silent, check your network.',
    true,
  ),
  'ice.stun-unreachable': entry(
    'ice',
    'The STUN server could not be reached (UDP looks blocked).',
    'Calls can still work through a relay. If audio fails, ' + ASK_IT_TURN,
    true,
  ),
  'ice.servers-unavailable': entry(
    'ice',
    'Genesys Cloud did not provide any media servers (ICE servers).',
    'Switchboard retries by itself. If it lasts, run the connectivity check in options.',
    true,
  ),
  'ice.candidate-error': entry(
    'ice',
    'A media server answered with an error while the call audio was being set up.',
    RUN_CHECK,
    true,
  ),
  'turn.permission-refused': entry(
    'turn',
    'The media relay (TURN) refused permission (error 403).',
    'This is a network policy or account restriction, not a temporary fault. ' + ASK_IT_TURN,
  ),
  'turn.unauthorized': entry(
    'turn',
    'The media relay (TURN) rejected its credentials (error 401).',
    'Switchboard refreshes the relay credentials by itself; if it repeats, sign in again.',
    true,
  ),
  'turn.unreachable': entry(
    'turn',
    'The media relay (TURN) could not be reached (error 701).',
    ASK_IT_TURN,
    true,
  ),
  'turn.allocation-failed': entry(
    'turn',
    'The media relay (TURN) could not reserve a channel for this call.',
    'Try the call again in a moment.',
    true,
  ),
  'media.failed': entry(
    'media',
    'The call audio could not be set up.',
    'Try the call again. If it repeats, run the connectivity check in options.',
    true,
  ),
  'media.no-audio': entry(
    'media',
    'The call is connected but no audio is arriving.',
    'A firewall may drop call audio after the call connects. ' + RUN_CHECK,
    true,
  ),
  'microphone.blocked': entry(
    'microphone',
    'Microphone access is blocked for Switchboard.',
    GRANT_MIC,
  ),
  'microphone.not-found': entry(
    'microphone',
    'No microphone was found.',
    'Plug in a headset or microphone and choose it in Switchboard options.',
  ),
  'microphone.in-use': entry(
    'microphone',
    'The microphone could not be started (it may be in use by another application).',
    'Close other applications using the microphone, or choose another device in options.',
    true,
  ),
  'microphone.device-lost': entry(
    'microphone',
    'The microphone was disconnected.',
    'Reconnect the headset or choose another microphone in Switchboard options.',
    true,
  ),
  'servicenow.session-expired': entry(
    'servicenow',
    'Your ServiceNow session has expired.',
    'Reload the ServiceNow tab and sign in. Calls are not affected.',
  ),
  'servicenow.acl-denied': entry(
    'servicenow',
    'ServiceNow refused access to this record (access control).',
    'Ask your ServiceNow administrator for access to the interaction and caller tables. Calls are not affected.',
  ),
  'servicenow.not-found': entry(
    'servicenow',
    'ServiceNow could not find the table or record.',
    'Ask your administrator to check the screen-pop table settings in Switchboard options.',
  ),
  'servicenow.rate-limited': entry(
    'servicenow',
    'ServiceNow is limiting how fast Switchboard may send requests.',
    'Nothing to do: Switchboard retries when ServiceNow allows it. Calls are not affected.',
    true,
  ),
  'servicenow.timeout': entry(
    'servicenow',
    'ServiceNow took too long to answer.',
    'The call is not affected; the record will be opened or written when ServiceNow answers.',
    true,
  ),
  'servicenow.server-error': entry(
    'servicenow',
    'ServiceNow answered with a server error.',
    'Nothing to do now: Switchboard retries. Calls are not affected.',
    true,
  ),
  'servicenow.request-failed': entry(
    'servicenow',
    'A request to ServiceNow failed.',
    'Reload the ServiceNow tab. Calls are not affected.',
    true,
  ),
  'extension.not-supported': entry(
    'extension',
    'This action is not supported by the phone engine.',
    'Send a diagnostic bundle to support if you expected it to work.',
  ),
  'extension.context-invalidated': entry(
    'extension',
    'Switchboard was updated or reloaded while this page was open.',
    'Reload the ServiceNow tab.',
  ),
  'extension.internal': entry(
    'extension',
    'Switchboard hit an internal error.',
    'Send a diagnostic bundle to support.',
  ),
  unknown: entry(
    'extension',
    'An unexpected error occurred.',
    'Send a diagnostic bundle to support; it contains the original error.',
  ),
} as const;
