/**
 * Catalogue of failures on the Genesys Cloud side: sign-in, configuration, network reachability
 * and platform signalling (REST + WebSocket/XMPP). English text; keys derive from the code.
 */
import { entry } from './catalogue-types';

const SIGN_IN_AGAIN = 'Sign in again from the Switchboard toolbar button.';
const ASK_ADMIN_CLIENT =
  'Ask your administrator to check the OAuth client ID, its redirect URI and the region in Switchboard options.';
const CHECK_NETWORK =
  'Check your network connection, VPN or proxy, then run the connectivity check in Switchboard options.';

export const PLATFORM_CATALOGUE = {
  'auth.invalid-token': entry(
    'auth',
    'Your Genesys Cloud sign-in has expired or is no longer valid.',
    SIGN_IN_AGAIN,
  ),
  'auth.forbidden': entry(
    'auth',
    'Your Genesys Cloud account is not allowed to do this.',
    'Ask your administrator to grant your user the WebRTC phone and conversation permissions.',
  ),
  'auth.denied': entry(
    'auth',
    'Sign-in was refused (access denied).',
    'Sign in again and approve access. If it keeps failing, ask your administrator to authorise the OAuth client for your organisation.',
  ),
  'auth.cancelled': entry(
    'auth',
    'The sign-in window was closed before sign-in finished.',
    SIGN_IN_AGAIN,
  ),
  'auth.interaction-required': entry(
    'auth',
    'Genesys Cloud needs you to sign in again.',
    SIGN_IN_AGAIN,
  ),
  'auth.invalid-grant': entry(
    'auth',
    'The sign-in code or saved session was rejected (expired or already used).',
    SIGN_IN_AGAIN,
  ),
  'auth.state-mismatch': entry(
    'auth',
    'The sign-in reply did not match the request Switchboard made.',
    'Close other sign-in windows and sign in again. If it repeats, something on this computer is interfering with sign-in.',
  ),
  'auth.redirect-mismatch': entry(
    'config',
    'Sign-in came back to an unexpected address.',
    ASK_ADMIN_CLIENT,
  ),
  'auth.authorize-error': entry(
    'auth',
    'The Genesys Cloud login page reported an error.',
    'Sign in again. If it repeats, send a diagnostic bundle to your administrator.',
  ),
  'auth.no-refresh-token': entry(
    'auth',
    'Your sign-in cannot be renewed automatically.',
    SIGN_IN_AGAIN,
  ),
  'auth.signed-out': entry('auth', 'You are signed out of Genesys Cloud.', SIGN_IN_AGAIN),
  'auth.network': entry(
    'network',
    'The Genesys Cloud login service could not be reached.',
    CHECK_NETWORK,
    true,
  ),
  'auth.server': entry(
    'auth',
    'The Genesys Cloud login service answered with an error.',
    'Wait a minute and sign in again.',
    true,
  ),
  'auth.unavailable': entry(
    'auth',
    'The Genesys Cloud login service is temporarily unavailable.',
    'Wait a minute and sign in again.',
    true,
  ),
  'auth.invalid-client': entry(
    'config',
    'The OAuth client configured for Switchboard is not accepted by Genesys Cloud.',
    ASK_ADMIN_CLIENT,
  ),
  'auth.invalid-environment': entry(
    'config',
    'The Genesys Cloud region configured for Switchboard is not usable.',
    ASK_ADMIN_CLIENT,
  ),
  'auth.invalid-profile': entry(
    'config',
    'The organisation profile in Switchboard options is incomplete or invalid.',
    ASK_ADMIN_CLIENT,
  ),
  'config.invalid-options': entry(
    'config',
    'Switchboard passed settings the phone engine does not accept.',
    'Reset the network profile to Standard in options. If it repeats, send a diagnostic bundle to support.',
  ),
  'config.request-rejected': entry(
    'config',
    'Genesys Cloud rejected a request as malformed.',
    'Send a diagnostic bundle to support.',
  ),
  'network.offline': entry(
    'network',
    'This computer is offline.',
    'Reconnect to the network. Calls resume automatically once it is back.',
    true,
  ),
  'network.unreachable': entry(
    'network',
    'Genesys Cloud cannot be reached (DNS, TLS or proxy).',
    CHECK_NETWORK,
    true,
  ),
  'network.timeout': entry(
    'network',
    'A request to Genesys Cloud timed out.',
    'Check your network. If it happens often in your region, switch to the High-latency network profile.',
    true,
  ),
  'network.websocket-blocked': entry(
    'network',
    'A firewall or proxy blocks the WebSocket connection to Genesys Cloud.',
    'Ask IT to allow WebSocket (wss://streaming.<region>) through the firewall and proxy, without TLS inspection.',
    true,
  ),
  'signalling.timeout': entry(
    'signalling',
    'Genesys Cloud stopped answering in time (signalling timeout).',
    'Switchboard reconnects by itself. If this repeats, switch to the High-latency network profile.',
    true,
  ),
  'signalling.disconnected': entry(
    'signalling',
    'The connection to Genesys Cloud was lost.',
    'Switchboard reconnects by itself; calls in progress keep their audio if the network allows.',
    true,
  ),
  'signalling.rate-limited': entry(
    'signalling',
    'Genesys Cloud is limiting how fast Switchboard may send requests.',
    'Wait a moment: Switchboard retries when Genesys Cloud allows it.',
    true,
  ),
  'signalling.server-error': entry(
    'signalling',
    'Genesys Cloud had a server error.',
    'Wait a moment and try again. If it lasts, check the Genesys Cloud status page.',
    true,
  ),
  'signalling.not-found': entry(
    'signalling',
    'Genesys Cloud no longer knows this conversation or resource.',
    'Refresh the call list; the call may have ended or moved.',
  ),
  'signalling.conflict': entry(
    'signalling',
    'Genesys Cloud refused the change because the conversation changed meanwhile.',
    'Try again once the call state has updated.',
    true,
  ),
  'signalling.call-not-pending': entry(
    'signalling',
    'The call stopped ringing before it could be answered.',
    'The caller was routed elsewhere or hung up; nothing to do.',
  ),
  'signalling.initialization': entry(
    'signalling',
    'The phone could not start its connection to Genesys Cloud.',
    'Switchboard retries by itself. If it keeps failing, run the connectivity check in options.',
    true,
  ),
  'signalling.session': entry(
    'signalling',
    'The call session could not be set up with Genesys Cloud.',
    'Try the call again. If it repeats, run the connectivity check in options.',
    true,
  ),
  'signalling.call-error': entry(
    'signalling',
    'Genesys Cloud reported an error on this call.',
    'If the call dropped, call back. Send a diagnostic bundle if it repeats.',
  ),
  'signalling.request-failed': entry(
    'signalling',
    'A request to Genesys Cloud failed.',
    'Try again. If it repeats, send a diagnostic bundle to support.',
    true,
  ),
} as const;
