/**
 * Call commands from the worker, run against the softphone in the command queue: a command sent
 * while the softphone is still starting (or soft-reconnecting) waits for it instead of failing, so
 * a call that arrives during start-up can be answered. Answer and decline first check the tracked
 * call is still alerting (the port checks again against the SDK); the ringer stops at once.
 */
import type { CallCommand } from '../../shared/protocol/schemas';
import { SoftphoneError } from '../softphone/softphone-error';
import type { SoftphonePort } from '../softphone/softphone-port';
import type { CallBook } from './call-book';
import type { SerialQueue } from './serial-queue';

export interface CallRunnerDeps {
  port: SoftphonePort;
  queue: SerialQueue;
  calls: CallBook;
  /** Stops the ringtone right away (before the SDK confirms anything). */
  silence(): void;
}

function requireAlerting(calls: CallBook, conversationId: string): void {
  const call = calls.get(conversationId);
  if (call?.state !== 'alerting') {
    const what = call === undefined ? 'is unknown here' : `is ${call.state}`;
    throw new SoftphoneError('not-pending', `Call ${conversationId} ${what}, not alerting.`);
  }
}

export async function runCallCommand(
  command: CallCommand,
  deps: CallRunnerDeps,
): Promise<{ conversationId?: string }> {
  const { port, queue, calls } = deps;
  switch (command.type) {
    case 'answer':
      requireAlerting(calls, command.conversationId);
      deps.silence();
      await queue.run(() => port.answer(command.conversationId));
      return {};
    case 'decline':
      requireAlerting(calls, command.conversationId);
      deps.silence();
      await queue.run(() => port.decline(command.conversationId));
      return {};
    case 'hangup':
      await queue.run(() => port.hangUp(command.conversationId));
      return {};
    case 'mute':
      await queue.run(() => port.setMute(command.conversationId, command.muted));
      return {};
    case 'hold':
      await queue.run(() => port.setHold(command.conversationId, command.held));
      return {};
    case 'dtmf':
      await queue.run(() => port.sendDigits(command.conversationId, command.digits));
      return {};
    case 'dial':
      return queue.run(() => port.dial(command.number));
    case 'transfer':
      await queue.run(() => port.blindTransfer(command.conversationId, command.address));
      return {};
  }
}
