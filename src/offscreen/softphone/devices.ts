/**
 * Audio devices: the list as plain data, and a device switch that keeps live calls two-way. The
 * SDK (9.2.4 updateOutgoingMedia) stops the old microphone track before it asks for the new
 * one, so a failed request would leave a call sending nothing; every live call is checked after
 * the switch and falls back to the system default microphone. The same fallback restores a call
 * whose microphone was unplugged.
 */
import { settleWithin } from './bounded';
import { sdkCall } from './call-commands';
import { mediaSessionsOf } from './sdk-internals';
import { SoftphoneError } from './softphone-error';
import type { AudioDevice, DeviceSelection } from './softphone-port';

interface DeviceInfoLike {
  deviceId: string;
  kind: string;
  label: string;
  groupId: string;
}

export function toAudioDevices(devices: readonly DeviceInfoLike[]): AudioDevice[] {
  return devices
    .filter((d) => d.kind === 'audioinput' || d.kind === 'audiooutput')
    .map((d) => ({
      deviceId: d.deviceId,
      kind: d.kind as AudioDevice['kind'],
      label: d.label,
      groupId: d.groupId,
    }));
}

interface SenderLike {
  track: { kind: string; readyState: string } | null;
}

/** True when the connection has an audio sender with a live track. */
export function sendsLiveAudio(pc: { getSenders(): readonly SenderLike[] }): boolean {
  return pc
    .getSenders()
    .some((s) => s.track !== null && s.track.kind === 'audio' && s.track.readyState === 'live');
}

/** The SDK methods a device switch uses. */
export interface SdkDevices {
  updateDefaultDevices(options: {
    audioDeviceId?: string;
    outputDeviceId?: string;
    updateActiveSessions: boolean;
  }): Promise<unknown>;
  updateOutgoingMedia(options: { conversationId: string; audioDeviceId: null }): Promise<unknown>;
}

export async function switchDevices(
  sdk: SdkDevices & object,
  output: { setSinkId(id: string): Promise<void> },
  { microphoneId, speakerId }: DeviceSelection,
): Promise<void> {
  await sdkCall(async () => {
    if (speakerId !== undefined) {
      await output.setSinkId(speakerId);
    }
    await sdk.updateDefaultDevices({
      ...(microphoneId !== undefined && { audioDeviceId: microphoneId }),
      ...(speakerId !== undefined && { outputDeviceId: speakerId }),
      updateActiveSessions: true,
    });
  });
  if (microphoneId === undefined) {
    return;
  }
  await restoreLiveAudio(sdk);
}

/**
 * Takes the system default microphone for each live call (or only `conversationId`) that sends
 * no live audio track — after a failed switch, or a device unplugged mid-call (its track ended).
 * Rejects with 'microphone.device-lost' when a call still sends nothing.
 */
export async function restoreLiveAudio(
  sdk: SdkDevices & object,
  conversationId?: string,
): Promise<void> {
  const live = mediaSessionsOf(sdk).filter(
    (s) =>
      s.state === 'active' &&
      s.peerConnection.connectionState !== 'closed' &&
      (conversationId === undefined || s.conversationId === conversationId),
  );
  for (const session of live.filter((s) => !sendsLiveAudio(s.peerConnection))) {
    const id = session.conversationId ?? '';
    await settleWithin(sdk.updateOutgoingMedia({ conversationId: id, audioDeviceId: null }), 5_000);
    if (!sendsLiveAudio(session.peerConnection)) {
      throw new SoftphoneError('mic', 'The call has no microphone audio.', {
        code: 'microphone.device-lost',
      });
    }
  }
}
