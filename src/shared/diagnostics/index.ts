/**
 * Diagnostics: error taxonomy, call quality, connectivity verdicts, redaction and the support
 * bundle. Pure TypeScript, usable in the worker, the offscreen document and the pages.
 */
export {
  catalogueMessages,
  ERROR_CATALOGUE,
  ERROR_CODES,
  isErrorCode,
  messageKey,
  remedyKey,
  type CatalogueEntry,
  type ErrorCode,
  type Layer,
} from './error-catalogue';
export {
  classifyError,
  classifyHttpStatus,
  classifyIceCandidateError,
  classifyOAuthError,
  diagnose,
  type ClassifyContext,
  type Diagnosis,
  type ErrorSource,
} from './taxonomy';
export { SDK_ERROR_TYPES, isSdkErrorType, type SdkErrorType } from './classify-sdk';
export type { HttpService } from './classify-http';
export { codecProfile, eModel, mosFromR, type EModelInput, type EModelResult } from './emodel';
export {
  readStats,
  type MediaPath,
  type RawStat,
  type RawStats,
  type SelectedPair,
  type StatsReading,
} from './stats-extract';
export {
  computeInterval,
  qualityLevel,
  type QualityCause,
  type QualityInterval,
  type QualityLevel,
  type TimedReading,
} from './quality';
export {
  createQualityMonitor,
  type QualityMonitor,
  type QualityMonitorOptions,
  type QualityUpdate,
  type QualityWarning,
} from './quality-monitor';
export {
  blockedBy,
  CONNECTIVITY_STEPS,
  nextStep,
  resolveSteps,
  STEP_IDS,
  stepDefinition,
  type HostProbe,
  type RelayProtocol,
  type StepDefinition,
  type StepId,
  type StepMetrics,
  type StepResult,
  type StepResults,
  type StepStatus,
} from './connectivity-steps';
export { FINDINGS, type Severity, type VerdictKind } from './connectivity-findings';
export {
  connectivityVerdict,
  type ConnectivityVerdict,
  type Finding,
  type VerdictOptions,
} from './connectivity';
export {
  compileSecrets,
  isSecretKey,
  redact,
  redactText,
  REDACTED,
  type Json,
  type RedactOptions,
  type SecretMatcher,
} from './redact';
export { buildBundle, type BundleOptions, type BundleParts, type SupportBundle } from './bundle';
export { createRing, type Ring } from './ring';
