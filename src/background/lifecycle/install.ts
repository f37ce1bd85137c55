/**
 * First run: on a fresh install the welcome page opens and walks the agent through sign-in, the
 * microphone grant (an offscreen document cannot show a permission prompt) and ServiceNow.
 * Updates and Chrome updates open nothing.
 */
export const WELCOME_PATH = 'src/welcome/welcome.html';

export interface InstallPorts {
  openTab(url: string): Promise<unknown>;
  getURL(path: string): string;
}

export async function onInstalled(
  details: { reason: string },
  ports: InstallPorts,
): Promise<boolean> {
  if (details.reason !== 'install') {
    return false;
  }
  await ports.openTab(ports.getURL(WELCOME_PATH));
  return true;
}
