/**
 * SoftphoneConfig → the SDK's constructor options (genesys-cloud-webrtc-sdk 9.2.4 ISdkConfig),
 * as plain data: softphone sessions only, telemetry always off for loopback environments (the
 * SDK would post logs to https://api.127.0.0.1:…), auto-answer as the config allows.
 */
import type { SoftphoneConfig } from './softphone-port';
import type { SdkLogger } from './trace';

export function isLoopbackEnvironment(environment: string): boolean {
  try {
    const host = new URL(environment).hostname;
    return ['127.0.0.1', 'localhost', '[::1]'].includes(host) || host.endsWith('.localhost');
  } catch {
    return false;
  }
}

export interface SdkOptions {
  environment: string;
  accessToken: string;
  wsHost?: string;
  useServerSidePings: boolean;
  logLevel: SoftphoneConfig['logLevel'];
  logger: SdkLogger;
  originAppName: string;
  originAppVersion: string;
  optOutOfTelemetry: boolean;
  allowedSessionTypes: ['softphone'];
  disableAutoAnswer: boolean;
  defaults: { audioElement?: HTMLAudioElement };
}

export function sdkOptions(
  config: SoftphoneConfig,
  logger: SdkLogger,
  audioElement: HTMLAudioElement | undefined,
): SdkOptions {
  return {
    environment: config.environment,
    accessToken: config.accessToken,
    ...(config.wsHost !== undefined && { wsHost: config.wsHost }),
    useServerSidePings: config.useServerSidePings,
    logLevel: config.logLevel,
    logger,
    originAppName: config.appName,
    originAppVersion: config.appVersion,
    optOutOfTelemetry:
      isLoopbackEnvironment(config.environment) || config.optOutOfTelemetry === true,
    allowedSessionTypes: ['softphone'],
    disableAutoAnswer: !config.autoAnswerAllowed,
    defaults: audioElement === undefined ? {} : { audioElement },
  };
}
