import { locatedError } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGatewayLogger } from '../../src/http/gateway-logger';
import { VendorError } from '../../src/sources/vendor-error';

afterEach(() => vi.restoreAllMocks());

describe('the gateway logger', () => {
  it('writes a vendor failure as one warning line with its code, status and request id', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failure = new VendorError({ vendor: 'reposit', endpoint: 'GET /v1/reposits/rep_1', status: 503, requestId: 'req-9', vendorMessage: 'down' });
    createGatewayLogger().error(locatedError(failure, undefined, ['tenant', 'reposits']));
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    const line = warn.mock.calls[0]!.join(' ');
    expect(line).toContain('GET /v1/reposits/rep_1');
    expect(line).toContain('VENDOR_UNAVAILABLE, status 503, request id req-9');
    expect(line).not.toContain('\n    at ');
  });

  it('still writes anything else as an error', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bug = new TypeError('cannot read x of undefined');
    createGatewayLogger().error(bug);
    expect(error).toHaveBeenCalledWith(expect.anything(), bug);
  });
});

describe('values clients choose', () => {
  const huge = `rep_${'x'.repeat(55_000)}`;

  it('are cut short in a vendor failure’s line', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const failure = new VendorError({ vendor: 'reposit', endpoint: `GET /v1/reposits/${huge}`, status: 404 });
    createGatewayLogger().error(locatedError(failure, undefined, ['reposit']));
    const line = warn.mock.calls[0]!.join(' ');
    expect(line.length).toBeLessThan(1_000);
    expect(line).toContain('GET /v1/reposits/rep_xxx');
    expect(line).toContain('more characters');
  });

  it('are cut short in any other error’s message', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    createGatewayLogger().error(new Error(`no such tenant ${huge}`));
    const line = error.mock.calls[0]!.map(String).join(' ');
    expect(line.length).toBeLessThan(1_000);
    expect(line).toContain('no such tenant rep_xxx');
  });
});
