import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { requestIdFrom } from '../../src/logging/request-id';
import { memoryLogger } from '../helpers/memory-logger';

describe('the logger', () => {
  it('writes JSON lines with the level by name', () => {
    const { logger, records } = memoryLogger();
    logger.info({ agency: 'sandbox-north' }, 'hello');
    expect(records()).toEqual([{ level: 'info', time: expect.any(Number), agency: 'sandbox-north', msg: 'hello' }]);
  });

  it('redacts credentials and client data by path', () => {
    const { logger, lines } = memoryLogger();
    logger.info({ headers: { authorization: 'Bearer x', cookie: 'c=1', 'x-api-key': 'k' }, variables: { a: 'visible?' }, secretKey: 'sk', token: 't0k' }, 'request');
    expect(JSON.parse(lines[0]!)).toMatchObject({ headers: { authorization: '[redacted]', cookie: '[redacted]', 'x-api-key': '[redacted]' }, variables: '[redacted]', secretKey: '[redacted]', token: '[redacted]' });
  });

  it('masks by value what looks like a token, a key, an e-mail, an SSN, an NI number, a date of birth or a phone number, and each known secret', () => {
    const { logger, lines } = memoryLogger({ secrets: ['webhook-secret-value-123'] });
    const values = [
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
      `rgk_${'A'.repeat(43)}`,
      'renter@example.com',
      '078-05-1120',
      'QQ 12 34 56 C',
      '1961-07-14',
      '14/07/1961',
      '+44 7700 900461',
      '07700900461',
      '(410) 555-6789',
      'webhook-secret-value-123',
    ];
    logger.error({ err: new Error(`vendor said: ${values.join(' ; ')}`) }, `failed for ${values.join(', ')}\n+14105556789`);
    for (const value of [...values, '+14105556789']) expect(lines[0]).not.toContain(value);
    expect(lines[0]).toContain('failed for');
  });

  it('keeps instants, durations and ids that only look numeric in part', () => {
    const { logger, records } = memoryLogger();
    logger.info({ at: '2026-12-02T03:04:05.000Z', durationMs: 12345678901, id: 'rep_F32iOv3xE3Nmrp' }, 'kept');
    expect(records()[0]).toMatchObject({ at: '2026-12-02T03:04:05.000Z', durationMs: 12345678901, id: 'rep_F32iOv3xE3Nmrp' });
  });

  it('keeps a UUID whole even where its groups are digits, and still masks a credential or a phone number beside it', () => {
    const { logger, records } = memoryLogger();
    const uuids = ['47184641-1015-424c-b9d7-846a84ca7eb7', '8a7956df-5b88-4d06-ba17-129472756380', 'd6c41c1a-6843-4423-9300-dd6ecf292355'];
    logger.info({ requestId: uuids[0], ids: uuids.slice(1) }, `sent Bearer ${uuids[1]} for ${uuids[2]} +44 7700 900461`);
    const [line] = records();
    expect(line).toMatchObject({ requestId: uuids[0], ids: uuids.slice(1), msg: `sent Bearer [redacted] for ${uuids[2]} [redacted]` });
  });

  it('writes nothing under its level', () => {
    const { logger, lines } = memoryLogger({ level: 'warn' });
    logger.info('quiet');
    logger.warn('loud');
    expect(lines).toHaveLength(1);
  });
});

describe('LOG_LEVEL', () => {
  it('is info by default, and refuses anything but a level, naming the variable', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'DEBUG' }).logLevel).toBe('debug');
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL.*fatal, error, warn, info, debug, trace, silent/);
  });
});

describe('the request id', () => {
  it('is the trace id of a valid traceparent, else a fresh one', () => {
    expect(requestIdFrom('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    for (const invalid of [undefined, 'garbage', 'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`]) {
      expect(requestIdFrom(invalid)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    }
  });
});
