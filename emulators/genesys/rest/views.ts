/** JSON views of directory entities as the Platform API returns them. */
import type { Org, Station, User } from '../state';

export function orgJson(org: Org) {
  return {
    id: org.id,
    name: org.name,
    defaultLanguage: 'en-us',
    defaultCountryCode: 'US',
    thirdPartyOrgName: org.thirdPartyOrgName,
    domain: org.domain,
    state: 'active',
    selfUri: `/api/v2/organizations/${org.id}`,
  };
}

export function stationJson(st: Station) {
  return {
    id: st.id,
    name: st.name,
    status: 'ASSOCIATED',
    userId: st.userId,
    webRtcUserId: st.userId,
    type: st.type,
    webRtcPersistentEnabled: st.webRtcPersistentEnabled,
    webRtcForceTurn: st.webRtcForceTurn,
    webRtcCallAppearances: st.webRtcCallAppearances,
    selfUri: `/api/v2/stations/${st.id}`,
  };
}

export function userJson(user: User, org: Org | undefined, expand: string[]) {
  const stationRef = { id: user.stationId, selfUri: `/api/v2/stations/${user.stationId}` };
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    username: user.username,
    state: 'active',
    chat: { jabberId: user.jabberId },
    division: { id: `${user.orgId}-home`, name: 'Home' },
    ...(org && expand.includes('organization') ? { organization: orgJson(org) } : {}),
    ...(expand.includes('station')
      ? {
          station: {
            associatedStation: stationRef,
            effectiveStation: stationRef,
            defaultStation: stationRef,
            lastAssociatedStation: stationRef,
          },
        }
      : {}),
    ...(expand.includes('presence')
      ? {
          presence: {
            presenceDefinition: {
              id: user.presence.id,
              systemPresence: user.presence.systemPresence,
            },
            message: user.presence.message,
            modifiedDate: user.presence.modifiedDate,
          },
        }
      : {}),
    ...(expand.includes('routingStatus') ? { routingStatus: user.routingStatus } : {}),
    selfUri: `/api/v2/users/${user.id}`,
  };
}

export function expandOf(query: URLSearchParams): string[] {
  return query.getAll('expand').flatMap((v) => v.split(','));
}
