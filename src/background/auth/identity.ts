/**
 * The only user of chrome.identity: the redirect URL and launchWebAuthFlow, behind IdentityPort so
 * tests can pass a fake. Chrome's error strings are turned into AuthError codes.
 */
import { AuthError } from '../../shared/auth/auth-error';

export interface IdentityPort {
  /** `https://<extension-id>.chromiumapp.org/`: register exactly this on the OAuth client. */
  redirectUrl(): string;
  /** Resolves with the URL the login flow redirected to. */
  launchWebAuthFlow(url: string, interactive: boolean): Promise<string>;
}

/** Silent sign-in: give a JavaScript redirect on the login page this long to happen. */
export const SILENT_TIMEOUT_MS = 10_000;

export function identityError(error: unknown, interactive: boolean): AuthError {
  const text = error instanceof Error ? error.message : String(error);
  if (/did not approve/i.test(text)) {
    return new AuthError(
      'auth.cancelled',
      'The Genesys Cloud sign-in window was closed before sign-in finished.',
      { cause: error },
    );
  }
  if (!interactive && /interaction required|user interaction/i.test(text)) {
    return new AuthError(
      'auth.interaction-required',
      'Genesys Cloud needs you to sign in again (the session could not be renewed silently).',
      { cause: error },
    );
  }
  if (/could not be loaded/i.test(text)) {
    return new AuthError(
      'auth.network',
      'The Genesys Cloud sign-in page could not be loaded. Check the network connection.',
      { cause: error },
    );
  }
  return new AuthError(
    'auth.authorize-error',
    `Genesys Cloud sign-in did not complete (${text}).`,
    {
      cause: error,
    },
  );
}

export function createChromeIdentity(api: typeof chrome.identity = chrome.identity): IdentityPort {
  return {
    redirectUrl: () => api.getRedirectURL(),
    async launchWebAuthFlow(url, interactive) {
      let result: string | undefined;
      try {
        result = await api.launchWebAuthFlow(
          interactive
            ? { url, interactive: true }
            : {
                url,
                interactive: false,
                abortOnLoadForNonInteractive: false,
                timeoutMsForNonInteractive: SILENT_TIMEOUT_MS,
              },
        );
      } catch (e) {
        throw identityError(e, interactive);
      }
      if (result === undefined || result === '') {
        throw identityError(new Error('no redirect URL returned'), interactive);
      }
      return result;
    },
  };
}
