/** The minimal sign-in page: pick a user of the org, approve or deny. */
import { escapeHtml } from '../html';
import type { User } from '../state';

export function loginPage(opts: {
  requestId: string;
  clientName: string;
  orgName: string;
  users: User[];
}): string {
  const e = escapeHtml;
  const buttons = opts.users
    .map(
      (u) =>
        `<button type="submit" name="userId" value="${e(u.id)}" data-username="${e(u.username)}">Sign in as ${e(u.name)} (${e(u.username)})</button>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in - ${e(opts.orgName)}</title>
<style>body{font-family:sans-serif;max-width:28rem;margin:3rem auto}button{display:block;margin:.5rem 0;padding:.5rem 1rem;width:100%}</style>
</head><body>
<h1>Sign in to ${e(opts.orgName)}</h1>
<p><strong>${e(opts.clientName)}</strong> wants to use your Genesys Cloud account.</p>
<form method="post" action="/oauth/authorize/decision">
<input type="hidden" name="request" value="${e(opts.requestId)}">
<input type="hidden" name="action" value="approve">
${buttons}
</form>
<form method="post" action="/oauth/authorize/decision">
<input type="hidden" name="request" value="${e(opts.requestId)}">
<input type="hidden" name="action" value="deny">
<button type="submit" id="deny">Deny</button>
</form>
</body></html>`;
}

export function errorPage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title></head><body><h1>Sign-in error</h1><p id="error">${escapeHtml(message)}</p></body></html>`;
}
