/**
 * The Agent Workspace shell served for every `/now/workspace/agent/…` (and `/now/cwf/agent/…`)
 * URL. The views are drawn by workspace-app.js, which navigates with history.pushState, so the
 * document never reloads while the agent moves between records.
 */
import { TABLE_NAMES, TABLES } from '../store/tables';
import { html } from './html';
import { renderPage } from './layout';

export const WORKSPACE_BASES = ['/now/workspace/agent', '/now/cwf/agent'] as const;

export function workspaceBase(pathname: string): string | undefined {
  return WORKSPACE_BASES.find((b) => pathname === b || pathname.startsWith(`${b}/`));
}

export function renderWorkspace(base: string, token: string, agentName: string): string {
  const links = TABLE_NAMES.map(
    (t) =>
      html`<li>
        <a href="${base}/list/${t}" data-sn-link data-sn-nav="${t}">${TABLES[t].plural}</a>
      </li>`,
  );
  const body = html`<div id="sn-workspace" class="sn-workspace" data-sn-base="${base}">
    <nav id="sn-nav" class="sn-nav" aria-label="Workspace">
      <ul>
        <li><a href="${base}/home" data-sn-link data-sn-nav="home">Home</a></li>
        ${links}
      </ul>
    </nav>
    <main id="sn-main" class="sn-main" data-sn-state="loading" aria-live="polite"></main>
  </div>`;
  return renderPage({
    title: 'Agent Workspace',
    token,
    agentName,
    appName: 'Agent Workspace',
    bodyClass: 'sn-body sn-body-workspace',
    body,
    scripts: ['/uxasset/workspace-app.js'],
  });
}
