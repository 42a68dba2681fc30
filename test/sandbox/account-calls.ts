import jwt from 'jsonwebtoken';
import { request } from 'undici';
import { expect } from 'vitest';
import type { SandboxAccount } from '../../src/sandbox/start';
import type { VendorName } from '../../src/sources/vendor-error';

export interface Answer {
  status: number;
  body: any; // any: the vendors' JSON, read field by field in assertions
}

export type AccountCalls = ReturnType<typeof accountCalls>;

/** Raw calls to the sandbox's vendors, each with the credential of a given account, as its own client would send them. */
export function accountCalls(baseUrls: Record<VendorName, string>) {
  async function call(
    vendor: VendorName,
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ): Promise<Answer> {
    const response = await request(baseUrls[vendor] + path, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.body.text();
    return { status: response.statusCode, body: text === '' ? undefined : JSON.parse(text) };
  }

  function signedJwt(account: SandboxAccount, secretKey = account.simulators.canopyReferencing.state.secretKey): string {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: 'canopy.rent',
      scope: 'request.write_only document.read_only',
      aud: `referencing-requests/client/${account.agency.canopyReferencing.clientId}/token`,
      iat: now,
      exp: now + 600,
    };
    return jwt.sign(claims, secretKey, { algorithm: 'HS256' });
  }

  function exchangeJwt(account: SandboxAccount, jwtKey: string): Promise<Answer> {
    const { clientId, apiKey } = account.agency.canopyReferencing;
    return call('canopy-referencing', 'POST', `/referencing-requests/client/${clientId}/token`, { 'x-api-key': apiKey }, { jwtKey });
  }

  return {
    call,
    signedJwt,
    exchangeJwt,
    reposit: (account: SandboxAccount, method: 'GET' | 'POST', path: string, body?: unknown) =>
      call('reposit', method, path, { authorization: `Bearer ${account.agency.reposit.apiKey}` }, body),
    servicing: (account: SandboxAccount, method: 'GET' | 'POST', path: string, body?: unknown) =>
      call('canopy-servicing', method, path, { authorization: `Bearer ${account.agency.canopyServicing.token}` }, body),
    /** The `x-api-key` and a fresh access token of the account's Canopy client. */
    async canopyHeaders(account: SandboxAccount): Promise<Record<string, string>> {
      const answer = await exchangeJwt(account, signedJwt(account));
      expect(answer.status).toBe(200);
      return { 'x-api-key': account.agency.canopyReferencing.apiKey, authorization: answer.body.access_token };
    },
    clientPath: (account: SandboxAccount) => `/referencing-requests/client/${account.agency.canopyReferencing.clientId}`,
  };
}
