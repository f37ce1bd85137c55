/**
 * Opens a ServiceNow URL in this tab, the way the page itself would. Only same-origin URLs are
 * followed. In Agent Workspace (a single-page app) a route inside the same workspace is a
 * client-side navigation: history.pushState plus a popstate event, which the workspace router
 * answers without reloading (and without ending this script). A classic page inside the UI16
 * frame (nav_to.do) loads the record in its gsft_main frame; anything else loads the page.
 */
import { pageKind } from '../../shared/servicenow/urls';

export function navigateTo(target: string, win: Window = window): boolean {
  const url = new URL(target, win.location.href);
  if (url.origin !== win.location.origin) {
    return false;
  }
  const here = pageKind(win.location.href);
  const there = pageKind(url);
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (here.kind === 'workspace' && there.kind === 'workspace' && here.prefix === there.prefix) {
    win.history.pushState(null, '', path);
    win.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    return true;
  }
  const frame = win.document.getElementById('gsft_main');
  if (there.kind === 'classic' && frame instanceof HTMLIFrameElement && frame.contentWindow) {
    try {
      frame.contentWindow.location.assign(url.href);
      return true;
    } catch {
      // a cross-origin frame: load the page instead
    }
  }
  win.location.assign(url.href);
  return true;
}
