import { describe, expect, it } from 'vitest';
import type { SoftphoneConfig } from './softphone-port';
import { isLoopbackEnvironment, sdkOptions } from './sdk-options';
import { createTraceLogger } from './trace';

const CONFIG: SoftphoneConfig = {
  environment: 'mypurecloud.ie',
  accessToken: 't',
  useServerSidePings: true,
  logLevel: 'warn',
  appName: 'switchboard',
  appVersion: '1.2.3',
  autoAnswerAllowed: true,
};
const logger = createTraceLogger('warn', () => undefined);

describe('sdkOptions', () => {
  it('maps a region config', () => {
    expect(sdkOptions(CONFIG, logger, undefined)).toEqual({
      environment: 'mypurecloud.ie',
      accessToken: 't',
      useServerSidePings: true,
      logLevel: 'warn',
      logger,
      originAppName: 'switchboard',
      originAppVersion: '1.2.3',
      optOutOfTelemetry: false,
      allowedSessionTypes: ['softphone'],
      disableAutoAnswer: false,
      defaults: {},
    });
  });

  it('always opts out of telemetry on loopback and passes the streaming host', () => {
    const options = sdkOptions(
      {
        ...CONFIG,
        environment: 'http://127.0.0.1:8787',
        wsHost: 'ws://127.0.0.1:8787',
        autoAnswerAllowed: false,
      },
      logger,
      undefined,
    );
    expect(options).toMatchObject({
      optOutOfTelemetry: true,
      wsHost: 'ws://127.0.0.1:8787',
      disableAutoAnswer: true,
    });
  });

  it.each([
    ['http://127.0.0.1:8787', true],
    ['http://localhost:3000', true],
    ['http://emu.localhost', true],
    ['http://[::1]:9', true],
    ['mypurecloud.ie', false],
    ['https://api.mypurecloud.ie', false],
  ])('%s is loopback: %s', (environment, expected) => {
    expect(isLoopbackEnvironment(environment)).toBe(expected);
  });
});
