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
