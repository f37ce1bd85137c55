/**
 * Carries out screen pops in this tab. For every call in a snapshot that marks this tab as the pop
 * target, each trigger fires once: 'alert' as soon as the call is seen, 'answer' once it is
 * accepted. A trigger with a matching rule (or an outbound call to a number dialled from a record)
 * is claimed at the worker (one pop per call across tabs, reloads and worker restarts), then:
 *
 *   url rule ──▶ decideUrlPop ──▶ navigate | link | blocked notice
 *   search rule ──▶ runLookup (budget; searching → slow → result) ──▶ decidePop ──▶
 *       open record | chooser | new prefilled interaction | "not found in time" | error notice
 *
 * Nothing here is awaited by the call: answering happens in the offscreen document, the lookup
 * runs in this page, and the UI renders every state as it comes. A second snapshot of the same call
 * never starts a second lookup. Everything stops with the page lifetime signal.
 */
import type { Logger } from '../../shared/logger';
import type { ContentConfig, PopTrigger } from '../../shared/protocol/messages/content';
import type { PopDecision } from '../../shared/screenpop/decide';
import type { LookupState } from '../../shared/screenpop/lookup';
import type { PhoneFacts } from '../../shared/screenpop/phone-facts';
import type { Rule } from '../../shared/screenpop/rules';
import type { TableClient } from '../../shared/servicenow/table-client';
import type { CallSnapshot, SessionSnapshot } from '../../shared/session/snapshot';
import type { DialOrigins } from '../dial/origins';
import type { Logic } from '../logic/load';
import type { PopView } from './pop-view';

export interface PopControllerDeps {
  signal: AbortSignal;
  logic(): Promise<Logic>;
  /** The current screen-pop configuration (asked for afresh for each new call). */
  config(): Promise<ContentConfig>;
  claim(conversationId: string, trigger: PopTrigger): Promise<boolean>;
  /** The call's numbers as the worker parsed them, for these rules (the page has no parser). */
  phones(call: CallSnapshot, rules: readonly Rule[]): Promise<PhoneFacts>;
  /** The Table API client over the page's own session (with a freshly read page token). */
  client(logic: Logic): Promise<TableClient>;
  pageUrl(): string;
  /** Opens a same-origin ServiceNow URL in this tab. */
  navigate(url: string): void;
  /** True while the agent is editing a field: navigation then waits for a click. */
  isEditing(): boolean;
  origins: DialOrigins;
  show(conversationId: string, view: PopView): void;
  log: Logger;
}

const ACCEPTED = new Set(['connecting', 'connected']);
const GIVEN_UP = new Set(['missed', 'declined', 'failed']);

function triggersFor(call: CallSnapshot): PopTrigger[] {
  if (call.state === 'alerting') {
    return ['alert'];
  }
  return ACCEPTED.has(call.state) ? ['alert', 'answer'] : [];
}

export function createPopController(deps: PopControllerDeps) {
  const started = new Set<string>();
  /** Calls whose pop is settled for good (the record a number was dialled from was opened). */
  const settled = new Set<string>();
  const lookups = new Map<string, AbortController>();
  /** Triggers of one call run one after the other. */
  const chains = new Map<string, Promise<void>>();

  function carryOut(id: string, decision: PopDecision, logic: Logic, label: string): void {
    const pending = deps.isEditing();
    const sameOrigin = (url: string) => new URL(url).origin === new URL(deps.pageUrl()).origin;
    const go = (url: string) => {
      if (!pending) {
        deps.navigate(url);
      }
    };
    switch (decision.type) {
      case 'open':
        if (!sameOrigin(decision.url)) {
          deps.show(id, { status: 'link', url: decision.url });
          return;
        }
        go(decision.url);
        deps.show(id, { status: 'opened', label, url: decision.url, pending });
        return;
      case 'chooser': {
        const choices = decision.records.map((record) => ({
          label: record.label,
          table: record.table,
          url: logic.recordUrl(deps.pageUrl(), record.table, record.sysId),
        }));
        deps.show(id, { status: 'chooser', choices, truncated: decision.truncated });
        return;
      }
      case 'create':
        go(decision.formUrl);
        deps.show(id, { status: 'created', url: decision.formUrl, pending });
        return;
      case 'notice':
        deps.show(
          id,
          decision.notice === 'timeout'
            ? { status: 'timeout' }
            : {
                status: decision.notice === 'error' ? 'error' : 'blocked',
                code: decision.code ?? '',
              },
        );
        return;
      case 'nothing':
        deps.show(id, { status: 'none' });
        return;
    }
  }

  async function lookUp(
    call: CallSnapshot,
    rule: Rule,
    config: ContentConfig,
    logic: Logic,
    phones: PhoneFacts,
  ) {
    const id = call.conversationId;
    const controller = new AbortController();
    lookups.set(id, controller);
    const stop = () => controller.abort();
    deps.signal.addEventListener('abort', stop, { once: true });
    try {
      const onState = (state: LookupState): void => {
        if (state.kind === 'searching' || state.kind === 'slow') {
          deps.show(id, { status: state.kind });
        }
      };
      deps.show(id, { status: 'searching' });
      const client = await deps.client(logic);
      const result = await logic.runLookup(rule, call, client, {
        phones,
        signal: controller.signal,
        budgetMs: config.screenPop.budgetMs,
        maxResults: config.screenPop.maxResults,
        onState,
      });
      if (result.kind === 'cancelled') {
        return;
      }
      const decision = logic.decidePop(rule, result, call, {
        phones,
        pageUrl: deps.pageUrl(),
        allowedUrlHosts: config.screenPop.allowedUrlHosts,
      });
      carryOut(id, decision, logic, result.kind === 'one' ? result.record.label : '');
    } finally {
      lookups.delete(id);
      deps.signal.removeEventListener('abort', stop);
    }
  }

  const stopped = (): boolean => deps.signal.aborted;

  async function pop(call: CallSnapshot, trigger: PopTrigger): Promise<void> {
    const id = call.conversationId;
    const configured = deps.config();
    // The numbers are asked for while the logic chunk loads.
    const parsed = configured.then((config) => deps.phones(call, config.screenPop.rules));
    const [logic, config, phones] = await Promise.all([deps.logic(), configured, parsed]);
    const rule = logic.selectRule(config.screenPop.rules, call, trigger, { phones });
    const dialled =
      call.direction === 'outbound' && trigger === 'alert'
        ? deps.origins.take(phones.e164(call.remote.number))
        : undefined;
    if ((rule === null && dialled === undefined) || settled.has(id) || stopped()) {
      return;
    }
    if (!(await deps.claim(id, trigger)) || stopped()) {
      return;
    }
    deps.log.info('screen pop', { trigger, rule: rule?.id ?? 'dialled-record' });
    if (dialled !== undefined) {
      settled.add(id);
      carryOut(id, { type: 'open', url: dialled.url }, logic, dialled.label);
    } else if (rule?.action.type === 'url') {
      const decision = logic.decideUrlPop(rule.action.template, call, {
        phones,
        pageUrl: deps.pageUrl(),
        allowedUrlHosts: config.screenPop.allowedUrlHosts,
      });
      carryOut(id, decision, logic, '');
    } else if (rule) {
      await lookUp(call, rule, config, logic, phones);
    }
  }

  return {
    /** Called with every accepted snapshot. */
    onSnapshot(snapshot: SessionSnapshot, popTarget: boolean): void {
      for (const call of snapshot.calls) {
        const id = call.conversationId;
        if (GIVEN_UP.has(call.state)) {
          lookups.get(id)?.abort(); // nobody will take this call: stop looking it up
        }
        if (!popTarget || deps.signal.aborted) {
          continue;
        }
        for (const trigger of triggersFor(call)) {
          const key = `${id}|${trigger}`;
          if (started.has(key)) {
            continue;
          }
          started.add(key);
          const run = (chains.get(id) ?? Promise.resolve())
            .then(() => pop(call, trigger))
            .catch((error: unknown) => {
              deps.log.warn('screen pop failed', { trigger, error: String(error) });
              deps.show(id, { status: 'error', code: 'screenpop.failed' });
            });
          chains.set(id, run);
        }
      }
    },
  };
}

export type PopController = ReturnType<typeof createPopController>;
