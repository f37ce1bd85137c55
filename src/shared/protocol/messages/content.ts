/**
 * Messages between ServiceNow tabs (content scripts) and the worker for the screen pop:
 *
 *   worker ──content.snapshot {snapshot, popTarget}──▶ every ServiceNow tab (ordered by seq)
 *   content ──content.config──▶ worker: rules, lookup budget, region; is this tab the pop target
 *   content ──content.claim {conversationId, trigger}──▶ worker: the first claim wins, so one
 *     call pops once (per tab when popTarget is 'all'), across reloads and worker restarts
 *   content ──content.pageToken──▶ worker: the page's own `g_ck`, read in the page's main world
 *   content ──content.numbers {texts}──▶ worker: click-to-dial's phone-shaped texts, parsed there
 *     (one batch per scan slice), so the number parser and its metadata stay out of the page
 *   content ──content.phones {texts}──▶ worker: a call's numbers for the screen-pop rules (caller,
 *     dialled number, the rules' DNIS entries): E.164 and the written variants to search for
 *
 * The content script checks what it receives with hand-written guards (src/content/messaging),
 * which keeps zod out of the page; the worker checks what it receives with the schemas below.
 */
import { z } from 'zod';
import type { ParsedPhone } from '../../screenpop/phone-facts';
import type { ScreenPopConfig } from '../../screenpop/rules';
import { returns, type ApiSpec } from '../spec';
import { sessionSnapshotSchema } from '../schemas';
import { presenceToContent } from './presence';
import type { SessionSnapshot } from '../../session/snapshot';

export type PopTrigger = 'alert' | 'answer';

/** What a ServiceNow tab needs to run screen pops: validated settings, never a token. */
export interface ContentConfig {
  /** Region for numbers written without a country code (ISO 3166 alpha-2). */
  defaultRegion: string;
  screenPop: ScreenPopConfig;
}

export interface ContentSnapshot {
  snapshot: SessionSnapshot;
  /** Whether this tab carries out screen pops (the focused ServiceNow tab, or all tabs). */
  popTarget: boolean;
}

export const contentToWorker = {
  'content.config': {
    from: ['content'],
    data: z.null(),
    result: returns<{ config: ContentConfig; popTarget: boolean }>(),
  },
  'content.claim': {
    from: ['content'],
    data: z.object({
      conversationId: z.string().min(1).max(128),
      trigger: z.enum(['alert', 'answer']),
    }),
    result: returns<{ granted: boolean }>(),
  },
  'content.pageToken': {
    from: ['content'],
    data: z.null(),
    result: returns<{ token: string | null }>(),
  },
  /** Click-to-dial: which phone-shaped texts are numbers (E.164), in the configured region. */
  'content.numbers': {
    from: ['content'],
    data: z.object({ texts: z.array(z.string().max(64)).max(100) }),
    result: returns<{ numbers: (string | null)[] }>(),
  },
  /** Screen pop: each text's number (E.164 and search variants), or null, in the configured region. */
  'content.phones': {
    from: ['content'],
    data: z.object({ texts: z.array(z.string().max(64)).max(100) }),
    result: returns<{ phones: (ParsedPhone | null)[] }>(),
  },
} satisfies ApiSpec;

export const workerToContent = {
  'content.snapshot': {
    from: ['worker'],
    data: z.object({ snapshot: sessionSnapshotSchema, popTarget: z.boolean() }),
    result: returns<null>(),
  },
  // The agent's status for the pop's chip, and the ServiceNow presence write (messages/presence.ts).
  ...presenceToContent,
} satisfies ApiSpec;
