/**
 * Audio: grant the microphone from this page (the offscreen document cannot ask), choose the
 * microphone, speaker and ringer, watch the input level and play a test tone.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { messageKey } from '../../shared/i18n';
import {
  listDevices,
  mediaAvailable,
  microphonePermission,
  playTestTone,
  requestMicrophone,
  startLevelMeter,
  type DeviceLists,
  type DeviceOption,
  type MicPermission,
} from '../audio/media';
import { Field, Section } from '../ui/Field';
import type { SectionProps } from './types';

const DEVICE_FIELDS = [
  { path: 'audio.microphoneId', key: 'microphoneId', label: 'microphone', list: 'inputs' },
  { path: 'audio.speakerId', key: 'speakerId', label: 'speaker', list: 'outputs' },
  { path: 'audio.ringerId', key: 'ringerId', label: 'ringer', list: 'outputs' },
] as const;

export function AudioSection({ draft, update, errors, isLocked, t }: SectionProps) {
  const [permission, setPermission] = useState<MicPermission>('prompt');
  const [devices, setDevices] = useState<DeviceLists>({ inputs: [], outputs: [] });
  const [problem, setProblem] = useState<string | null>(null);
  const [level, setLevel] = useState<number | null>(null);
  const [testing, setTesting] = useState(false);
  const stopMeter = useRef<(() => void) | null>(null);

  const refresh = async () => {
    const state = await microphonePermission();
    setPermission(state);
    if (state !== 'unavailable') {
      setDevices(await listDevices().catch(() => ({ inputs: [], outputs: [] })));
    }
  };
  useEffect(() => {
    void refresh();
  }, []);
  useEffect(() => () => stopMeter.current?.(), []);

  const grant = async () => {
    setProblem(null);
    try {
      const stream = await requestMicrophone();
      stream.getTracks().forEach((track) => track.stop());
    } catch (error) {
      setProblem(t('micGrantFailed', (error as Error).name));
    }
    await refresh();
  };

  const toggleMeter = async () => {
    if (stopMeter.current) {
      stopMeter.current();
      stopMeter.current = null;
      setTesting(false);
      setLevel(null);
      return;
    }
    try {
      const stream = await requestMicrophone(draft.audio.microphoneId);
      const stop = startLevelMeter(stream, setLevel);
      stopMeter.current = () => {
        stop();
        stream.getTracks().forEach((track) => track.stop());
      };
      setTesting(true);
      await refresh();
    } catch (error) {
      setProblem(t('micGrantFailed', (error as Error).name));
    }
  };

  const play = (sinkId: string, ring: boolean) => {
    setProblem(null);
    playTestTone(sinkId, ring ? draft.audio.ringVolume : 1, ring).catch((error: unknown) =>
      setProblem(t('toneFailed', (error as Error).message)),
    );
  };

  if (!mediaAvailable()) {
    return (
      <Section id="audio" title={t('sectionAudio')}>
        <p class="muted">{t('audioUnavailable')}</p>
      </Section>
    );
  }

  const options = (list: DeviceOption[], current: string) => {
    const known = list.some((device) => device.id === current);
    return [
      <option key="default" value="default">
        {t('systemDefault')}
      </option>,
      ...list.map((device, index) => (
        <option key={device.id} value={device.id}>
          {device.label || t('deviceNumbered', String(index + 1))}
        </option>
      )),
      ...(current !== 'default' && !known
        ? [
            <option key={current} value={current}>
              {t('deviceUnavailable')}
            </option>,
          ]
        : []),
    ];
  };

  return (
    <Section id="audio" title={t('sectionAudio')} intro={t('sectionAudioIntro')}>
      <div class="mic-permission">
        <p class="status" id="mic-status">
          <span
            class="dot"
            data-state={permission === 'granted' ? 'ok' : permission === 'denied' ? 'bad' : 'off'}
            aria-hidden="true"
          />
          {t(messageKey('micPermission', permission))}
        </p>
        {permission === 'granted' ? null : (
          <button
            type="button"
            class="primary"
            onClick={() => void grant()}
            aria-describedby="mic-status"
          >
            {t('grantMicrophone')}
          </button>
        )}
      </div>
      {problem ? (
        <p class="error" role="alert">
          {problem}
        </p>
      ) : null}
      <div class="grid">
        {DEVICE_FIELDS.map(({ path, key, label, list }) => (
          <Field
            key={path}
            path={path}
            label={t(label)}
            t={t}
            locked={isLocked(path)}
            error={errors[path]}
          >
            {({ id, describedBy, invalid }) => (
              <select
                id={id}
                value={draft.audio[key]}
                disabled={isLocked(path)}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(event) => update(path, event.currentTarget.value)}
              >
                {options(devices[list], draft.audio[key])}
              </select>
            )}
          </Field>
        ))}
        <Field
          path="audio.ringVolume"
          label={t('ringVolume')}
          t={t}
          locked={isLocked('audio.ringVolume')}
          error={errors['audio.ringVolume']}
        >
          {({ id, describedBy }) => (
            <input
              id={id}
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={draft.audio.ringVolume}
              disabled={isLocked('audio.ringVolume')}
              aria-describedby={describedBy}
              aria-valuetext={`${Math.round(draft.audio.ringVolume * 100)} %`}
              onInput={(event) => update('audio.ringVolume', Number(event.currentTarget.value))}
            />
          )}
        </Field>
      </div>
      <div class="actions">
        <button type="button" onClick={() => void toggleMeter()} aria-pressed={testing}>
          {testing ? t('stopMicTest') : t('testMicrophone')}
        </button>
        <button type="button" onClick={() => play(draft.audio.speakerId, false)}>
          {t('playTestTone')}
        </button>
        <button type="button" onClick={() => play(draft.audio.ringerId, true)}>
          {t('playTestRing')}
        </button>
      </div>
      {level !== null ? (
        <div class="meter">
          <label for="mic-level">{t('inputLevel')}</label>
          <meter id="mic-level" min={0} max={1} low={0.05} high={0.9} optimum={0.5} value={level} />
        </div>
      ) : null}
    </Section>
  );
}
