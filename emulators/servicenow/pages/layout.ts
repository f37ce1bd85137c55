/**
 * The page frame every HTML page shares: head with the stylesheet, the session token as the
 * global `g_ck` (as ServiceNow pages expose it), and the dark header bar.
 */
import { html, scriptLiteral, type SafeHtml } from './html';

export interface PageOptions {
  title: string;
  /** The session's g_ck. */
  token: string;
  agentName: string;
  appName: string;
  bodyClass: string;
  body: SafeHtml;
  /** Show the header bar (classic content pages inside nav_to.do have none). */
  header?: boolean;
  scripts?: readonly string[];
}

export function header(appName: string, agentName: string): SafeHtml {
  return html`<header id="sn-header" class="sn-header" role="banner">
    <a class="sn-logo" href="/now/workspace/agent/home">servicenow</a>
    <span class="sn-app-name" id="sn-app-name">${appName}</span>
    <span class="sn-header-spacer"></span>
    <span class="sn-user" id="sn-user" title="Signed in">${agentName}</span>
  </header>`;
}

export function renderPage(p: PageOptions): string {
  const scripts = (p.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`);
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${p.title}</title>
        <link rel="stylesheet" href="/uxasset/sn.css" />
        <script>
          window.g_ck = ${scriptLiteral(p.token)};
        </script>
        ${scripts}
      </head>
      <body class="${p.bodyClass}">
        ${p.header === false ? '' : header(p.appName, p.agentName)} ${p.body}
      </body>
    </html> `.value;
}
