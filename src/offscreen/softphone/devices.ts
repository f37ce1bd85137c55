/**
 * Audio devices: the list as plain data, the SDK's devices at construction, and a device switch
 * that keeps live calls two-way. 'default' (the settings' value) is the system default: null for
 * the SDK's microphone, '' for setSinkId. The SDK (9.2.4 updateOutgoingMedia) stops the old
 * microphone track before it asks for the new one (replaceTrack, no renegotiation), so a failed
 * request would leave a call sending nothing; every live call is checked after the switch and
 * falls back to the system default microphone. A call whose microphone was unplugged gets the
 * chosen microphone again when it is still connected, else the system default.
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

/** The SDK's id for a device: null is the system default. */
export function sdkDeviceId(deviceId: string): string | null {
  return deviceId === 'default' || deviceId === '' ? null : deviceId;
}

/** setSinkId's id for a speaker: '' is the system default. */
export function sinkFor(deviceId: string): string {
  return deviceId === 'default' ? '' : deviceId;
}

function listed(devices: readonly DeviceInfoLike[], kind: AudioDevice['kind'], id: string) {
  return devices.some((d) => d.kind === kind && d.deviceId === id);
}

/**
 * The SDK constructor's `defaults` for a selection (the first call's microphone and sink). Built
 * without waiting for the device list, so a destroy can always reach the instance; a chosen
 * microphone that is not connected makes the SDK's own media request fall back to the system
 * default, and the supervisor replaces a missing device once connected (setDevices).
 */
export function startDefaults(selection: DeviceSelection | undefined): {
  audioDeviceId: string | null;
  outputDeviceId: string | null;
} {
  return {
    audioDeviceId: sdkDeviceId(selection?.microphoneId ?? 'default'),
    outputDeviceId: sdkDeviceId(selection?.speakerId ?? 'default'),
  };
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
    audioDeviceId?: string | null;
    outputDeviceId?: string | null;
    updateActiveSessions: boolean;
  }): Promise<unknown>;
  updateOutgoingMedia(options: {
    conversationId: string;
    audioDeviceId: string | null;
  }): Promise<unknown>;
  /** The SDK's (public) configuration: `audioDeviceId` is the chosen microphone, null the system's. */
  _config: { defaults?: { audioDeviceId?: string | null } };
}

export async function switchDevices(
  sdk: SdkDevices & object,
  output: { setSinkId(id: string): Promise<void> },
  { microphoneId, speakerId }: DeviceSelection,
): Promise<void> {
  await sdkCall(async () => {
    if (speakerId !== undefined) {
      await output.setSinkId(sinkFor(speakerId));
    }
    await sdk.updateDefaultDevices({
      ...(microphoneId !== undefined && { audioDeviceId: sdkDeviceId(microphoneId) }),
      ...(speakerId !== undefined && { outputDeviceId: sdkDeviceId(speakerId) }),
      updateActiveSessions: true,
    });
  });
  if (microphoneId === undefined) {
    return;
  }
  await restoreLiveAudio(sdk);
}

/**
 * Takes a microphone again for each live call (or only `conversationId`) that sends no live audio
 * track — after a failed switch, or a device unplugged mid-call (its track ended): the chosen one
 * while `devices` lists it, else the system default. Rejects with 'microphone.device-lost' when a
 * call still sends nothing.
 */
export async function restoreLiveAudio(
  sdk: SdkDevices & object,
  conversationId?: string,
  devices: () => Promise<readonly DeviceInfoLike[]> = async () => [],
): Promise<void> {
  const live = mediaSessionsOf(sdk).filter(
    (s) =>
      s.state === 'active' &&
      s.peerConnection.connectionState !== 'closed' &&
      (conversationId === undefined || s.conversationId === conversationId),
  );
  const silent = live.filter((s) => !sendsLiveAudio(s.peerConnection));
  if (silent.length === 0) {
    return;
  }
  const chosen = sdk._config.defaults?.audioDeviceId ?? null;
  const connected =
    chosen !== null && listed(await devices().catch(() => []), 'audioinput', chosen);
  const audioDeviceId = connected ? chosen : null;
  for (const session of silent) {
    const id = session.conversationId ?? '';
    await settleWithin(sdk.updateOutgoingMedia({ conversationId: id, audioDeviceId }), 5_000);
    if (!sendsLiveAudio(session.peerConnection)) {
      throw new SoftphoneError('mic', 'The call has no microphone audio.', {
        code: 'microphone.device-lost',
      });
    }
  }
}
