/**
 * One complete authorization-code round: build the PKCE request, let chrome.identity show (or
 * silently run) the Genesys login, and exchange the returned code for tokens.
 */
import {
  beginAuthorization,
  completeAuthorization,
  type HttpOptions,
} from '../../shared/auth/pkce-flow';
import type { OrgProfile } from '../../shared/auth/profile';
import type { AuthTokens } from '../../shared/auth/tokens';
import type { IdentityPort } from './identity';

export interface AuthorizeOptions {
  interactive: boolean;
  prompt?: 'login';
  http?: HttpOptions;
}

export async function authorize(
  profile: OrgProfile,
  identity: IdentityPort,
  options: AuthorizeOptions,
): Promise<AuthTokens> {
  const pending = await beginAuthorization(
    profile,
    identity.redirectUrl(),
    options.prompt === undefined ? {} : { prompt: options.prompt },
  );
  const redirectedTo = await identity.launchWebAuthFlow(pending.url, options.interactive);
  return completeAuthorization(redirectedTo, pending, options.http ?? {});
}
