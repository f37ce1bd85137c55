/**
 * Genesys Cloud regions and the custom environment: turns a region key (or a custom environment
 * string) into every base URL the extension needs, plus the host permissions to request at runtime.
 */
import { AuthError } from './auth-error';
import {
  fromDomain,
  parseCustomEnvironment,
  parseWsHost,
  type ResolvedEnvironment,
} from './environment';

export { parseCustomEnvironment, type ResolvedEnvironment } from './environment';

export const REGIONS = [
  { key: 'us_east_1', label: 'Americas (US East)', env: 'mypurecloud.com' },
  { key: 'us_east_2', label: 'Americas (US East 2, FedRAMP)', env: 'use2.us-gov-pure.cloud' },
  { key: 'us_west_2', label: 'Americas (US West)', env: 'usw2.pure.cloud' },
  { key: 'ca_central_1', label: 'Americas (Canada)', env: 'cac1.pure.cloud' },
  { key: 'sa_east_1', label: 'Americas (São Paulo)', env: 'sae1.pure.cloud' },
  { key: 'mx_central_1', label: 'Americas (Mexico)', env: 'mxc1.pure.cloud' },
  { key: 'eu_west_1', label: 'EMEA (Dublin)', env: 'mypurecloud.ie' },
  { key: 'eu_west_2', label: 'EMEA (London)', env: 'euw2.pure.cloud' },
  { key: 'eu_central_1', label: 'EMEA (Frankfurt)', env: 'mypurecloud.de' },
  { key: 'eu_central_2', label: 'EMEA (Zurich)', env: 'euc2.pure.cloud' },
  {
    key: 'eusc_de_east_1',
    label: 'EMEA (EU Sovereign Cloud, Germany)',
    env: 'edee1.eusc-pure.cloud',
  },
  { key: 'me_central_1', label: 'EMEA (UAE)', env: 'mec1.pure.cloud' },
  { key: 'ap_south_1', label: 'Asia Pacific (Mumbai)', env: 'aps1.pure.cloud' },
  { key: 'ap_southeast_1', label: 'Asia Pacific (Singapore)', env: 'apse1.pure.cloud' },
  { key: 'ap_southeast_2', label: 'Asia Pacific (Sydney)', env: 'mypurecloud.com.au' },
  { key: 'ap_northeast_1', label: 'Asia Pacific (Tokyo)', env: 'mypurecloud.jp' },
  { key: 'ap_northeast_2', label: 'Asia Pacific (Seoul)', env: 'apne2.pure.cloud' },
  { key: 'ap_northeast_3', label: 'Asia Pacific (Osaka)', env: 'apne3.pure.cloud' },
] as const;

export type Region = (typeof REGIONS)[number];
export type RegionKey = Region['key'];
export const REGION_KEYS = REGIONS.map((r) => r.key) as [RegionKey, ...RegionKey[]];

export function isRegionKey(value: unknown): value is RegionKey {
  return typeof value === 'string' && REGIONS.some((r) => r.key === value);
}

export type EnvironmentTarget = RegionKey | { custom: string };

/**
 * Resolves a region key or a custom environment. `wsHost` replaces the streaming base (the
 * default `wss://streaming.{env}` is not confirmed for every region); it must be ws(s)://.
 */
export function resolveEnvironment(
  target: EnvironmentTarget,
  options: { wsHost?: string | undefined } = {},
): ResolvedEnvironment {
  let resolved: ResolvedEnvironment;
  if (typeof target === 'string') {
    const region = REGIONS.find((r) => r.key === target);
    if (region === undefined) {
      throw new AuthError(
        'auth.invalid-environment',
        `Unknown Genesys Cloud region "${target}". Choose one of: ${REGION_KEYS.join(', ')}.`,
      );
    }
    resolved = fromDomain(region.key, region.env);
  } else {
    resolved = parseCustomEnvironment(target.custom);
  }
  if (options.wsHost !== undefined && options.wsHost.trim() !== '') {
    resolved = { ...resolved, streamingBase: parseWsHost(options.wsHost, resolved.loopback) };
  }
  return resolved;
}
