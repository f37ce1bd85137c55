/**
 * Shapes shared by the error catalogue files: the diagnosis layers and one catalogue entry.
 */

export type Layer =
  | 'auth'
  | 'network'
  | 'signalling'
  | 'ice'
  | 'turn'
  | 'media'
  | 'microphone'
  | 'servicenow'
  | 'config'
  | 'extension';

export interface CatalogueEntry {
  layer: Layer;
  /** English text shown to the agent: what happened. */
  message: string;
  /** English text shown to the agent: what to do about it. */
  remedy: string;
  /** True when trying again later, without anyone changing anything, may succeed. */
  retryable: boolean;
}

/** Compact constructor so each catalogue line reads as one sentence pair. */
export function entry(
  layer: Layer,
  message: string,
  remedy: string,
  retryable = false,
): CatalogueEntry {
  return { layer, message, remedy, retryable };
}
