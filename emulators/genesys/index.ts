/** Public entry of the Genesys Cloud emulator: start it, drive it, know its seed data. */
export { startGenesysEmulator } from './server';
export type { GenesysEmulator, GenesysEmulatorOptions } from './server';
export { ControlClient, ControlError } from './control-client';
export type {
  CallDetail,
  CallSummary,
  DirectoryView,
  EventFaultKind,
  PlaceCallOptions,
  SoftphoneSessionView,
} from './control-client';
export type { MediaReport } from './calls/manager';
export type { PeerStats } from './media/peer';
export { SEED } from './state';
export { ECHO_NUMBER } from './calls/echo';
