import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrgProfile } from '../../shared/auth/profile';
import type { AuthState, SwitchOrgReply } from '../../shared/protocol/messages/auth';
import { englishT } from '../../test/english';
import { SwitchButton, SwitchStatus, useOrgSwitch, type SwitchOrg } from './OrgSwitch';

const GLOBEX: OrgProfile = { id: 'globex', name: 'Globex <b>', clientId: 'c', region: 'eu_west_1' };
const STATE: AuthState = { signedIn: true, profile: null };

function Harness(props: { switchOrg: SwitchOrg; auth: AuthState }) {
  const control = useOrgSwitch(props.switchOrg, englishT);
  return (
    <div>
      <SwitchButton profile={GLOBEX} control={control} disabled={false} t={englishT} />
      <SwitchStatus auth={props.auth} control={control} t={englishT} />
    </div>
  );
}

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function mount(switchOrg: SwitchOrg, auth: AuthState = STATE) {
  await act(() => {
    render(<Harness switchOrg={switchOrg} auth={auth} />, root);
  });
}
const flush = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
const button = (name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name) ?? null;

describe('organisation switch on the options page', () => {
  it('asks before ending a live call, and switches only once confirmed', async () => {
    const switchOrg = vi.fn((_id: string, confirm: boolean): Promise<SwitchOrgReply> =>
      Promise.resolve(
        confirm
          ? { status: 'switched', profileId: 'globex', warnings: [], state: STATE }
          : { status: 'refused', activeCalls: 1, message: 'busy', state: STATE },
      ),
    );
    await mount(switchOrg);
    const start = root.querySelector('button.switch-org');
    expect(start?.getAttribute('aria-label')).toBe('Switch to this organisation (Globex <b>)');
    await act(() => (start as HTMLButtonElement).click());
    await flush();
    const dialog = root.querySelector('[role="alertdialog"]');
    expect(dialog?.textContent).toContain('End the active call and switch?');
    const confirm = button('End call and switch');
    expect(document.activeElement).toBe(confirm);
    await act(() => confirm?.click());
    await flush();
    expect(switchOrg.mock.calls).toEqual([
      ['globex', false],
      ['globex', true],
    ]);
    expect(root.querySelector('[role="alertdialog"]')).toBeNull();
    expect(root.textContent).toContain('Switched to Globex <b>.');
  });

  it('cancelling the confirmation switches nothing', async () => {
    const switchOrg = vi.fn(() =>
      Promise.resolve<SwitchOrgReply>({
        status: 'refused',
        activeCalls: 1,
        message: '',
        state: STATE,
      }),
    );
    await mount(switchOrg);
    await act(() => root.querySelector<HTMLButtonElement>('button.switch-org')?.click());
    await flush();
    await act(() => button('Cancel')?.click());
    expect(root.querySelector('[role="alertdialog"]')).toBeNull();
    expect(switchOrg).toHaveBeenCalledTimes(1);
  });

  it('shows the switch under way and a failure naming its step, as text', async () => {
    await mount(vi.fn(), {
      ...STATE,
      switching: { profileId: 'globex', profileName: 'Globex', step: 'signing-in' },
    });
    expect(root.querySelector('#switch-progress')?.textContent).toBe(
      'Switching organisation… Switching to Globex: signing in',
    );
    await mount(vi.fn(), {
      ...STATE,
      switchFailure: { profileId: 'globex', step: 'starting', message: '<img src=x>' },
    });
    const failure = root.querySelector('#switch-failure');
    expect(failure?.textContent).toBe(
      'Switching organisation failed while starting the softphone. <img src=x>',
    );
    expect(failure?.querySelector('img')).toBeNull();
  });
});
