/** The presence section: one direction at most, the double-booking warning, the policy lock. */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema';
import { englishT } from '../../test/english';
import { PresenceSection } from './PresenceSection';

const root = document.body.appendChild(document.createElement('div'));
afterEach(() => render(null, root));

function mount(locked: boolean) {
  const update = vi.fn();
  render(
    <PresenceSection
      draft={DEFAULT_SETTINGS}
      update={update}
      errors={{}}
      isLocked={(path) => locked && path === 'presence.servicenowSync'}
      t={englishT}
    />,
    root,
  );
  const radios = [...root.querySelectorAll<HTMLInputElement>('input[name="presence-sync"]')];
  return { update, radios };
}

describe('presence section', () => {
  it('offers three exclusive choices and warns about double-booking', () => {
    const { update, radios } = mount(false);
    expect(radios.map((r) => [r.value, r.checked])).toEqual([
      ['off', true],
      ['genesys-to-servicenow', false],
      ['servicenow-to-genesys', false],
    ]);
    radios[1]?.click();
    expect(update).toHaveBeenCalledWith('presence.servicenowSync', 'genesys-to-servicenow');
    expect(root.querySelector('#presence-sync-warning')?.textContent).toMatch(
      /Double-booking.*same agent.*only one direction/s,
    );
  });

  it('is read-only with the administrator note when a policy sets it', () => {
    mount(true);
    expect(root.querySelector('fieldset')?.disabled).toBe(true);
    expect(root.textContent).toContain('Set by your administrator');
  });
});
