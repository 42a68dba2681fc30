import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useGateway, type TestGateway } from '../helpers/gateway';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await useGateway();
});
afterAll(() => gateway.close());

const QUERY = 'query Products { products { id } }';

async function post(operationName: unknown, accept = 'application/graphql-response+json') {
  const response = await request(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { ...gateway.authorization, 'content-type': 'application/json', accept },
    body: JSON.stringify({ query: QUERY, operationName }),
  });
  return { status: response.statusCode, text: await response.body.text() };
}

describe('operationName', () => {
  it.each([
    [42, 'number'],
    [true, 'boolean'],
    [['Products'], 'array'],
    [{}, 'object'],
  ])('%j is refused with a 400 naming operationName and the rule', async (operationName, given) => {
    const { status, text } = await post(operationName);
    expect(status).toBe(400);
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: `Expected "operationName" param to be empty or a string, but given ${given}.`, extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('is refused the same way over Server-Sent Events', async () => {
    const { text } = await post(42, 'text/event-stream');
    expect(text).toContain('Expected \\"operationName\\" param to be empty or a string, but given number.');
  });

  it.each([null, 'Products'])('%j is taken', async (operationName) => {
    const { status, text } = await post(operationName);
    expect(status).toBe(200);
    expect(JSON.parse(text)).not.toHaveProperty('errors');
  });
});
