import { locatedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createGatewayLogger } from '../../src/http/gateway-logger';
import { VendorError } from '../../src/sources/vendor-error';
import { memoryLogger } from '../helpers/memory-logger';

describe('the gateway logger', () => {
  it('writes a vendor failure as one warning line with its code, status and request id', () => {
    const { logger, records } = memoryLogger();
    const failure = new VendorError({ vendor: 'reposit', endpoint: 'GET /v1/reposits/rep_1', status: 503, requestId: 'req-9', vendorMessage: 'down' });
    createGatewayLogger(logger).error(locatedError(failure, undefined, ['tenant', 'reposits']));
    const lines = records();
    expect(lines).toHaveLength(1);
    const [line] = lines as [Record<string, unknown>];
    expect(line).toMatchObject({ level: 'warn', vendor: 'reposit', call: 'GET /v1/reposits/rep_1', status: 503, code: 'VENDOR_UNAVAILABLE', vendorRequestId: 'req-9' });
    expect(line.msg).toContain('GET /v1/reposits/rep_1');
    expect(line.msg).toContain('VENDOR_UNAVAILABLE, status 503, request id req-9');
    expect(JSON.stringify(line)).not.toContain('\\n    at ');
  });

  it('still writes anything else as an error, with its stack', () => {
    const { logger, records } = memoryLogger();
    createGatewayLogger(logger).error(new TypeError('cannot read x of undefined'));
    const [line] = records() as [Record<string, { type: string; message: string; stack: string }>];
    expect(line.level).toBe('error');
    expect(line.err).toMatchObject({ type: 'TypeError', message: 'cannot read x of undefined' });
    expect(line.err!.stack).toContain('\n    at ');
  });

  it('names an object Yoga passes by its kind only: it may hold a request’s variables', () => {
    const { logger, lines } = memoryLogger({ level: 'debug' });
    createGatewayLogger(logger).debug('params', { variables: { ssn: '078-05-1120' }, query: 'query Secretive { a }' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('params [object]');
    expect(lines[0]).not.toContain('Secretive');
  });
});

describe('values clients choose', () => {
  const huge = `rep_${'x'.repeat(55_000)}`;

  it('are cut short in a vendor failure’s line', () => {
    const { logger, lines } = memoryLogger();
    const failure = new VendorError({ vendor: 'reposit', endpoint: `GET /v1/reposits/${huge}`, status: 404 });
    createGatewayLogger(logger).error(locatedError(failure, undefined, ['reposit']));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.length).toBeLessThan(2_000);
    expect(lines[0]).toContain('GET /v1/reposits/rep_xxx');
    expect(lines[0]).toContain('more characters');
  });

  it('are cut short in any other error’s message', () => {
    const { logger, lines } = memoryLogger();
    createGatewayLogger(logger).error(new Error(`no such tenant ${huge}`));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.length).toBeLessThan(2_000);
    expect(lines[0]).toContain('no such tenant rep_xxx');
  });
});
