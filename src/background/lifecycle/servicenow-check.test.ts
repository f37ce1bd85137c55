import { describe, expect, it, vi } from 'vitest';
import { checkServiceNow, openableInstance, type ServiceNowPorts } from './servicenow-check';

function ports(
  tabs: { id?: number }[],
  present: Record<number, boolean | Error>,
): ServiceNowPorts & { query: ReturnType<typeof vi.fn> } {
  const query = vi.fn(() => Promise.resolve(tabs));
  return {
    query,
    queryTabs: query,
    hasElement: (tabId) => {
      const value = present[tabId];
      return value instanceof Error ? Promise.reject(value) : Promise.resolve(value === true);
    },
  };
}

describe('ServiceNow check for the welcome page', () => {
  it('counts instance tabs and those running Switchboard', async () => {
    const fake = ports([{ id: 1 }, { id: 2 }, { id: 3 }, {}], {
      1: true,
      2: false,
      3: new Error('No access'),
    });
    const result = await checkServiceNow(['https://acme.service-now.com'], fake);
    expect(result).toEqual({
      openUrl: 'https://acme.service-now.com/',
      tabs: 3,
      withSwitchboard: 1,
    });
    expect(fake.query).toHaveBeenCalledWith(['https://acme.service-now.com/*']);
  });

  it('offers no address for wildcard instances and asks nothing without instances', async () => {
    const fake = ports([], {});
    expect(await checkServiceNow([], fake)).toEqual({ openUrl: null, tabs: 0, withSwitchboard: 0 });
    expect(fake.query).not.toHaveBeenCalled();
    expect(openableInstance(['https://*.service-now.com', 'https://help.example.com'])).toBe(
      'https://help.example.com/',
    );
    expect(openableInstance(['https://*.service-now.com'])).toBeNull();
  });
});
