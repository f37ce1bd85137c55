import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import managedSchema from '../../../public/managed-schema.json' with { type: 'json' };
import {
  POLICY_FIELDS,
  applyManaged,
  getPath,
  isLocked,
  lockedChanges,
  setPath,
  withLocalLockedValues,
} from './managed';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from './schema';

const CLIENT = '0b3c5f1e-2a4d-4c6e-8f10-123456789abc';
const local: Settings = {
  ...DEFAULT_SETTINGS,
  servicenow: { ...DEFAULT_SETTINGS.servicenow, popTarget: 'focused', defaultRegion: 'DE' },
  calls: { autoAnswer: false, notifications: true },
};

describe('applyManaged: happy path', () => {
  it('changes nothing without a policy', () => {
    expect(applyManaged(local, undefined)).toEqual({ settings: local, locked: [], problems: [] });
    expect(applyManaged(local, {})).toEqual({ settings: local, locked: [], problems: [] });
  });

  it('overrides and locks each field the policy sets, and keeps the others local', () => {
    const view = applyManaged(local, {
      servicenow: { popTarget: 'all' },
      calls: { autoAnswer: true },
    });
    expect(view.settings.servicenow).toEqual({ ...local.servicenow, popTarget: 'all' });
    expect(view.settings.calls).toEqual({ autoAnswer: true, notifications: true });
    expect(view.locked).toEqual(['servicenow.popTarget', 'calls.autoAnswer']);
    expect(view.problems).toEqual([]);
  });

  it('normalises values the way settings are normalised (instances become origins)', () => {
    const view = applyManaged(local, {
      servicenow: { instances: ['acme.service-now.com/now/workspace'] },
    });
    expect(view.settings.servicenow.instances).toEqual(['https://acme.service-now.com']);
  });

  it('accepts fields that only validate together, whatever their order', () => {
    // A 20 s interval alone is invalid against the local (preset) 9 s timeout.
    const view = applyManaged(local, {
      network: { heartbeatIntervalMs: 20_000, kind: 'custom', heartbeatTimeoutMs: 50_000 },
    });
    expect(view.problems).toEqual([]);
    expect(view.settings.network).toMatchObject({
      kind: 'custom',
      heartbeatIntervalMs: 20_000,
      heartbeatTimeoutMs: 50_000,
    });
    expect(view.locked).toEqual([
      'network.kind',
      'network.heartbeatIntervalMs',
      'network.heartbeatTimeoutMs',
    ]);
  });

  it('sets nested reconnect fields one by one', () => {
    const view = applyManaged(local, {
      network: { kind: 'custom', reconnect: { maxAttempts: 5 } },
    });
    expect(view.settings.network.reconnect).toEqual({ maxAttempts: 5 });
    expect(view.locked).toEqual(['network.kind', 'network.reconnect.maxAttempts']);
  });

  it('replaces the whole profile list and its active profile', () => {
    const profiles = [{ id: 'acme', name: 'Acme', region: 'eu_west_1', clientId: CLIENT }];
    const view = applyManaged(local, { genesys: { profiles, activeId: 'acme' } });
    expect(view.settings.genesys).toEqual({ profiles, activeId: 'acme' });
    expect(view.locked).toEqual(['genesys.profiles', 'genesys.activeId']);
  });
});

describe('applyManaged: malformed policy values', () => {
  it('drops a malformed field with a problem and keeps the local value and the good fields', () => {
    const view = applyManaged(local, {
      servicenow: { popTarget: 'everyone', defaultRegion: 'GB' },
    });
    expect(view.settings.servicenow.popTarget).toBe('focused');
    expect(view.settings.servicenow.defaultRegion).toBe('GB');
    expect(view.locked).toEqual(['servicenow.defaultRegion']);
    expect(view.problems).toEqual([
      { path: 'servicenow.popTarget', message: expect.stringMatching(/ignored$/) },
    ]);
  });

  it('reports each malformed field once, with the reason', () => {
    // Contradictory timings: the timeout alone fits the preset interval; the interval is dropped.
    const view = applyManaged(local, {
      network: { kind: 'custom', heartbeatIntervalMs: 10_000, heartbeatTimeoutMs: 5_000 },
      audio: { ringVolume: 3 },
    });
    expect(view.problems.map((p) => p.path)).toEqual([
      'network.heartbeatIntervalMs',
      'audio.ringVolume',
    ]);
    expect(view.problems[0]?.message).toMatch(/greater than/);
    expect(view.settings.audio.ringVolume).toBe(local.audio.ringVolume);
    expect(view.locked).toEqual(['network.kind', 'network.heartbeatTimeoutMs']);
  });

  it('reports keys that are not settings and sections that are not objects', () => {
    const view = applyManaged(local, {
      calls: { autoAnswer: true, ringForever: true },
      servicenow: 'all',
      colour: 'blue',
    });
    expect(view.problems).toEqual([
      { path: 'calls.ringForever', message: 'not a Switchboard setting; ignored' },
      { path: 'servicenow', message: 'must be an object of settings; ignored' },
      { path: 'colour', message: 'not a Switchboard setting; ignored' },
    ]);
    expect(view.locked).toEqual(['calls.autoAnswer']);
    expect(view.settings.servicenow).toEqual(local.servicenow);
  });

  it('ignores a policy that is not an object', () => {
    const view = applyManaged(local, ['x']);
    expect(view.settings).toBe(local);
    expect(view.problems).toHaveLength(1);
  });

  it('refuses a profile list whose active id is missing, naming the field', () => {
    const view = applyManaged(local, { genesys: { activeId: 'nobody' } });
    expect(view.locked).toEqual([]);
    expect(view.problems[0]).toMatchObject({ path: 'genesys.activeId' });
  });
});

describe('saving under a policy', () => {
  const view = applyManaged(local, { servicenow: { popTarget: 'all' } });

  it('names a change to a locked field', () => {
    const next = setPath(view.settings, 'servicenow.popTarget', 'focused');
    expect(lockedChanges(view.settings, next, view.locked)).toEqual([
      { path: 'servicenow.popTarget', message: expect.stringMatching(/administrator/) },
    ]);
  });

  it('lets other fields change', () => {
    const next = setPath(view.settings, 'calls.autoAnswer', true);
    expect(lockedChanges(view.settings, next, view.locked)).toEqual([]);
  });

  it("stores the agent's own value in a locked field, not the policy's", () => {
    const stored = withLocalLockedValues(view.settings, local, view.locked);
    expect(stored.servicenow.popTarget).toBe('focused');
  });

  it('treats paths inside a locked field as locked', () => {
    expect(isLocked(['genesys.profiles'], 'genesys.profiles.0.name')).toBe(true);
    expect(isLocked(['genesys.profiles'], 'genesys.profilesX')).toBe(false);
  });
});

describe('path helpers', () => {
  it('copy on write, arrays included', () => {
    const root = { a: { list: [{ x: 1 }, { x: 2 }] } };
    const next = setPath(root, 'a.list.1.x', 3);
    expect(next).toEqual({ a: { list: [{ x: 1 }, { x: 3 }] } });
    expect(root.a.list[1]?.x).toBe(2);
    expect(getPath(next, 'a.list.1.x')).toBe(3);
    expect(setPath({ a: 1, b: 2 }, 'a', undefined)).toEqual({ b: 2 });
  });
});

// ---------------------------------------------------------------------------------------------
// public/managed-schema.json: Chrome's schema subset, and every setting covered.

interface Node {
  type?: string | string[];
  properties?: Record<string, Node>;
  items?: Node;
  additionalProperties?: Node | boolean;
  anyOf?: Node[];
  oneOf?: Node[];
  [key: string]: unknown;
}

const CHROME_KEYWORDS = new Set([
  'type',
  'properties',
  'items',
  'additionalProperties',
  'description',
  'title',
]);

function keywordProblems(node: Node, path = '(root)'): string[] {
  const own = Object.keys(node)
    .filter((key) => !CHROME_KEYWORDS.has(key))
    .map((key) => `${path}: "${key}" is not in Chrome's policy schema subset`);
  const children = [
    ...Object.entries(node.properties ?? {}).map(([key, child]) =>
      keywordProblems(child, `${path}.${key}`),
    ),
    node.items ? keywordProblems(node.items, `${path}[]`) : [],
    typeof node.additionalProperties === 'object'
      ? keywordProblems(node.additionalProperties, `${path}{}`)
      : [],
  ];
  return [...own, ...children.flat()];
}

/** Property paths with their types: objects recurse, arrays recurse into items (as "[]"). */
function shape(node: Node, path: string, out: Map<string, string>): Map<string, string> {
  const variants = [...(node.anyOf ?? []), ...(node.oneOf ?? [])];
  if (variants.length > 0) {
    variants.forEach((variant) => shape(variant, path, out));
    return out;
  }
  const types = (Array.isArray(node.type) ? node.type : [node.type]).filter((t) => t !== 'null');
  const type = types[0] === 'integer' ? 'integer' : (types[0] ?? 'any');
  if (path !== '' && !(out.has(path) && type === 'any')) {
    out.set(path, type);
  }
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    shape(child, path === '' ? key : `${path}.${key}`, out);
  }
  if (node.items) {
    shape(node.items, `${path}[]`, out);
  }
  if (typeof node.additionalProperties === 'object') {
    shape(node.additionalProperties, `${path}{}`, out);
  }
  return out;
}

describe('public/managed-schema.json', () => {
  const schema = managedSchema as Node;

  it("uses only Chrome's schema keywords (no enum, pattern, anyOf…)", () => {
    expect(keywordProblems(schema)).toEqual([]);
  });

  it('describes every settings field with its type (checked against the settings schema)', () => {
    const fromZod = z.toJSONSchema(settingsSchema, { io: 'input', unrepresentable: 'any' }) as Node;
    const expected = shape(fromZod, '', new Map());
    expected.delete('version');
    const actual = shape(schema, '', new Map());
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
  });

  it('has a lockable field for every leaf (POLICY_FIELDS)', () => {
    const leaves: string[] = [];
    const walk = (node: Node, path: string) => {
      if (node.type === 'object' && node.properties) {
        Object.entries(node.properties).forEach(([key, child]) =>
          walk(child, path ? `${path}.${key}` : key),
        );
      } else {
        leaves.push(path);
      }
    };
    walk(schema, '');
    expect(leaves).toEqual([...POLICY_FIELDS]);
  });

  it('every field has a description for administrators', () => {
    const missing: string[] = [];
    const walk = (node: Node, path: string) => {
      if (typeof node['description'] !== 'string') {
        missing.push(path);
      }
      Object.entries(node.properties ?? {}).forEach(([key, child]) =>
        walk(child, `${path}.${key}`),
      );
    };
    walk(schema, '(root)');
    expect(missing).toEqual([]);
  });
});

describe('docs/POLICY.md', () => {
  const doc = readFileSync(join(import.meta.dirname, '../../../docs/POLICY.md'), 'utf8');

  it('documents every policy key', () => {
    expect(POLICY_FIELDS.filter((path) => !doc.includes(`\`${path}\``))).toEqual([]);
  });

  it('has examples that apply without a single problem', () => {
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    expect(blocks.length).toBeGreaterThan(4);
    for (const block of blocks) {
      const parsed = JSON.parse(block.trim().startsWith('{') ? block : `{${block}}`) as Record<
        string,
        unknown
      >;
      if ('ExtensionSettings' in parsed) {
        continue;
      }
      const policy =
        '3rdparty' in parsed
          ? (parsed as { '3rdparty': { extensions: Record<string, unknown> } })['3rdparty']
              .extensions['cncadkbmndkedbemhaabapcgekefhdbc']
          : parsed;
      const view = applyManaged(DEFAULT_SETTINGS, policy);
      expect(view.problems, block).toEqual([]);
      expect(view.locked.length, block).toBeGreaterThan(0);
    }
  });
});
