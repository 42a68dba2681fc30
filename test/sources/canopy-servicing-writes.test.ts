import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { json } from '../../src/sandbox/vendor-simulator';
import { CanopyServicingClient } from '../../src/sources/canopy-servicing/client';
import { canopyServicingErrorBody } from '../../src/sources/canopy-servicing/error-body';
import { createVendorPool, VendorHttp } from '../../src/sources/http';
import { VendorError } from '../../src/sources/vendor-error';
import { startFrame } from '../helpers/frame';
import { useSandbox, type TestSandbox } from '../helpers/sandbox';

/** The reference's "204" answers come with the documented body, or (this knob) with none at all. */
const EMPTY_204 = { vendor: 'canopy-servicing', status: 204, afterApplying: true, times: 1 } as const;

let sandbox: TestSandbox;
let client: CanopyServicingClient;

beforeAll(async () => {
  sandbox = await useSandbox({ people: 4 });
  client = new CanopyServicingClient({
    http: sandbox.http('canopy-servicing', { readErrorBody: canopyServicingErrorBody, headersTimeoutMs: 300 }),
    token: SANDBOX_CREDENTIALS.canopyServicing.token,
  });
});
afterAll(() => sandbox.close());
afterEach(() => {
  sandbox.knobs.reset();
  sandbox.calls.reset();
});

function state() {
  return sandbox.simulators.canopyServicing.state;
}

function accountOf(index: number): string {
  return state().accountIdByEmail.get(sandbox.people[index]!.email)!;
}

const charge = () => ({ amountCents: 1_250, effectiveAt: new Date(), merchantData: { mccCode: 5411, name: 'Corner shop' } });

describe('writes Canopy answers with an empty 204', () => {
  it('names a charge by the id the gateway chose, and records it once', async () => {
    const accountId = accountOf(0);
    const before = state().lineItemsOf(accountId).length;
    sandbox.knobs.addFault({ ...EMPTY_204, endpoint: 'POST /accounts/:account_id/line_items/charges' });
    const created = await client.createCharge(accountId, charge());
    expect(created.lineItemId).toMatch(/^[0-9a-f-]{36}$/);
    const items = state().lineItemsOf(accountId);
    expect(items).toHaveLength(before + 1);
    expect(items.find((item) => item.lineItemId === created.lineItemId)?.amountCents).toBe(1_250);
  });

  it('still reads the vendor’s own id when the answer has a body', async () => {
    const created = await client.createCharge(accountOf(0), { ...charge(), lineItemId: 'rent-2024-05-charge' });
    expect(created.lineItemId).toBe('rent-2024-05-charge');
  });

  it('reads a payment back by the reference id the gateway chose', async () => {
    const accountId = accountOf(1);
    sandbox.knobs.addFault({ ...EMPTY_204, endpoint: 'POST /accounts/:account_id/line_items/payments' });
    const created = await client.createPayment(accountId, { amountCents: 500 });
    const stored = state().lineItemsOf(accountId).find((item) => item.referenceId === created.referenceId);
    expect(stored?.type).toBe('payment');
    expect(created.lineItemId).toBe(stored?.lineItemId);
  });

  it('names a loan by its chosen id, and a dispute by its line item', async () => {
    const accountId = accountOf(2);
    sandbox.knobs.addFault({ ...EMPTY_204, endpoint: 'POST /accounts/:account_id/line_items/loans' });
    const loan = await client.createLoan(accountId, { originalAmountCents: 60_000, effectiveAt: new Date() });
    expect(state().lineItemsOf(accountId).some((item) => item.lineItemId === loan.lineItemId)).toBe(true);

    sandbox.knobs.addFault({ ...EMPTY_204, endpoint: 'POST /accounts/:account_id/line_items/:line_item_id/disputes' });
    const dispute = await client.disputeLineItem(accountId, loan.lineItemId!);
    const item = state().lineItemsOf(accountId).find((candidate) => candidate.lineItemId === loan.lineItemId);
    expect(dispute).toEqual({ accountId, lineItemId: loan.lineItemId, disputeId: item?.disputeId });
    expect(dispute.disputeId).toBeDefined();
  });

  it('answers a product created, updated and deleted with what it knows, and no more', async () => {
    const products = () => [...state().products.values()].filter((product) => product.name === 'Empty-answer card');
    sandbox.knobs.addFault({ ...EMPTY_204, endpoint: 'POST /products' });
    expect(await client.createProduct({ name: 'Empty-answer card' })).toEqual({ name: 'Empty-answer card' });
    expect(products()).toHaveLength(1);
    const productId = products()[0]!.productId;

    sandbox.knobs.addFault({ ...EMPTY_204, endpoint: 'PUT /products/:product_id' });
    expect(await client.updateProduct(productId, { name: 'Empty-answer card', description: 'updated' })).toEqual({
      productId,
      name: 'Empty-answer card',
    });
    expect(products()[0]!.description).toBe('updated');

    sandbox.knobs.addFault({ ...EMPTY_204, endpoint: 'DELETE /products/:product_id' });
    expect(await client.deleteProduct(productId)).toEqual({ productId });
    expect(products()[0]!.deletedAt).toBeInstanceOf(Date);
  });
});

describe('a charge sent again', () => {
  it('after a lost answer is retried, recognised by its id, and charged once', async () => {
    const accountId = accountOf(3);
    const before = state().lineItemsOf(accountId).length;
    sandbox.knobs.addFault({ vendor: 'canopy-servicing', endpoint: 'POST /accounts/:account_id/line_items/charges', status: 503, afterApplying: true, times: 1 });
    const created = await client.createCharge(accountId, charge());
    expect(sandbox.calls.count('canopy-servicing', 'POST /accounts/:account_id/line_items/charges')).toBe(2);
    expect(state().lineItemsOf(accountId)).toHaveLength(before + 1);
    expect(state().lineItemsOf(accountId).some((item) => item.lineItemId === created.lineItemId)).toBe(true);
  });

  it('with an id another charge holds is still refused', async () => {
    const accountId = accountOf(3);
    await client.createCharge(accountId, { ...charge(), lineItemId: 'taken-id' });
    const error = await client.createCharge(accountId, { ...charge(), amountCents: 999, lineItemId: 'taken-id' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VendorError);
    expect((error as VendorError).fieldErrors?.line_item_id).toMatch(/already used/);
  });
});

describe('a retried DELETE that meets 404', () => {
  it('is success when an earlier attempt was applied but its answer failed', async () => {
    const product = await client.createProduct({ name: 'Retried delete card' });
    sandbox.knobs.addFault({ vendor: 'canopy-servicing', endpoint: 'DELETE /products/:product_id', status: 503, afterApplying: true, times: 1 });
    expect(await client.deleteProduct(product.productId!)).toEqual({ productId: product.productId });
    expect(sandbox.calls.count('canopy-servicing', 'DELETE /products/:product_id')).toBe(2);
  });

  it('is success when the first attempt was applied but never answered', async () => {
    const account = await client.createAccount({ productId: state().accounts.get(accountOf(0))!.productId });
    sandbox.knobs.addFault({ vendor: 'canopy-servicing', endpoint: 'DELETE /accounts/:account_id', status: 'hang', afterApplying: true, times: 1 });
    await client.deleteAccount(account.accountId);
    expect(state().accounts.get(account.accountId)?.deletedAt).toBeInstanceOf(Date);
  });

  it('is still NOT_FOUND when no attempt could have applied', async () => {
    const error = await client.deleteAccount('00000000-0000-4000-8000-000000000000').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});

describe('line items as the vendor may send them', () => {
  it('reads the reference’s own example, whose line_item_count is "string", with the total unknown', async () => {
    // GET /accounts/{account_id}/line_items, the reference's example answer verbatim.
    const example = [
      {
        account_id: '2911ff2a-bebe-4c85-8d19-e6001015a8e3',
        line_item_id: 'ce9ed376-f151-435f-a59c-9e3cc183bbea',
        line_item_status: 'posted',
        type: 'charge',
        originating_amount_cents: 42.0,
        balance_amount_cents: 42.0,
        merchant_data: { name: 'string', id: 'string', mcc_code: 42.0, phone_number: 'string' },
        effective_at: '2018-07-20T09:12:30Z',
        created_at: '2018-06-20T09:12:30Z',
        product_id: '158cd7a1-d813-42d2-90a3-9a91c43f18f8',
        description: 'Refund for invalid purchase',
        reference_id: 'e39c6b0d-5793-49c5-bee7-a2dbf8808f3a',
        dispute_id: 'string',
        external_ids: [{ name: 'Globex Card Processing', id: '22445702-a389-431f-927d-07b8d0750787' }],
        line_item_count: 'string',
      },
    ];
    const frame = await startFrame([
      { vendor: 'canopy-servicing', errorBody: (_s, message) => ({ message }), routes: [{ method: 'GET', path: '/accounts/:account_id/line_items', handle: () => json(200, example) }] },
    ]);
    const pool = createVendorPool(frame.baseUrl('canopy-servicing'));
    try {
      const http = new VendorHttp({ vendor: 'canopy-servicing', baseUrl: frame.baseUrl('canopy-servicing'), dispatcher: pool });
      const page = await new CanopyServicingClient({ http, token: 't' }).listLineItems(example[0]!.account_id);
      expect(page.totalCount).toBeNull();
      expect(page.lineItems.map((item) => item.lineItemId)).toEqual(['ce9ed376-f151-435f-a59c-9e3cc183bbea']);
    } finally {
      await pool.close();
      await frame.close();
    }
  });

  it('takes the guide’s upper-case AUTHORIZED as the documented authorized', async () => {
    const accountId = accountOf(1);
    const created = await client.createCharge(accountId, { ...charge(), status: 'AUTHORIZED' });
    expect(state().lineItemsOf(accountId).find((item) => item.lineItemId === created.lineItemId)?.status).toBe('AUTHORIZED');
    const page = await client.listLineItems(accountId);
    expect(page.lineItems.find((item) => item.lineItemId === created.lineItemId)?.status).toBe('authorized');
  });
});
