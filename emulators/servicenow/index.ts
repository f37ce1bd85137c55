/**
 * Local ServiceNow stand-in: Agent Workspace and classic UI16 pages, the Table API with the
 * page session's g_ck, and a control API to inject latency and faults. Public entry point.
 */
export {
  DEFAULT_LOOKUP_LATENCY_MS,
  startServiceNow,
  type ServiceNowOptions,
  type ServiceNowStandIn,
} from './server/start';
export {
  createServiceNowControl,
  type ServiceNowControl,
  type SnRecord,
  type TableMethod,
} from './control-client';
export type {
  ActiveFault,
  FaultSpec,
  RequestCounts,
  RequestEntry,
  RequestFilter,
  RequestLog,
  ResetScope,
  SessionCredentials,
  StandInState,
} from './control/control-schema';
export { SEED_NUMBERS } from './seed/numbers';
export { SEED_AGENT } from './seed/ids';
export { SEED_AGENT_PRESENCE_ID, SEED_PRESENCE_STATES } from './seed/presence';
export { SESSION_COOKIE } from './server/sessions';
export { TABLE_NAMES, type TableName } from './store/tables';
