import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { VendorKey } from '../../src/sources/vendors';
import { createVendorBudgets, VendorBudgetExhausted, type VendorBudgetConfig, type VendorBudgetLimits } from '../../src/sources/vendor-budget';
import { VendorError } from '../../src/sources/vendor-error';
import { useSandbox, type TestSandbox } from '../helpers/sandbox';

// Two connections stand for two gateway instances sharing one Redis.
const first = new Redis('redis://127.0.0.1:6379');
const second = new Redis('redis://127.0.0.1:6379');
let sandbox: TestSandbox;
beforeAll(async () => {
  await Promise.all([first.ping(), second.ping()]);
  sandbox = await useSandbox();
});
afterAll(async () => {
  await sandbox?.close();
  await first.quit();
  await second.quit();
});

const everyVendor = (limits: VendorBudgetLimits): VendorBudgetConfig =>
  Object.fromEntries((['canopyReferencing', 'canopyServicing', 'reposit'] satisfies VendorKey[]).map((key) => [key, limits])) as VendorBudgetConfig;
const budgetsOn = (redis: Redis, prefix: string, limits: VendorBudgetLimits) => createVendorBudgets({ redis, prefix, limits: everyVendor(limits) });
const settled = (promise: Promise<unknown>) => promise.then((value) => ({ value }), (error: unknown) => ({ error }));

describe('vendor budgets', () => {
  it("queues an agency's calls over its calls in flight, and another agency's go straight through", async () => {
    const budgets = budgetsOn(first, `test-${randomUUID()}`, { callsPerSecond: 1_000, callsInFlight: 2 });
    const north = budgets.for('north', 'canopyServicing');
    const releases = [await north.acquire(undefined, 1_000), await north.acquire(undefined, 1_000)];
    const queued = north.acquire(undefined, 1_000);
    const controller = new AbortController();
    const abandoned = settled(north.acquire(controller.signal, 1_000));
    expect(north.usage()).toEqual({ inFlight: 2, waiting: 2 });
    const south = budgets.for('south', 'canopyServicing');
    const southRelease = await south.acquire(undefined, 1_000);
    expect(south.usage()).toEqual({ inFlight: 1, waiting: 0 });
    controller.abort(new Error('client gone'));
    expect(await abandoned).toEqual({ error: new Error('client gone') });
    expect(north.usage()).toEqual({ inFlight: 2, waiting: 1 });
    releases[0]!();
    releases[0]!(); // freeing twice frees once
    const third = await queued;
    expect(north.usage()).toEqual({ inFlight: 2, waiting: 0 });
    third();
    releases[1]!();
    southRelease();
    expect(north.usage()).toEqual({ inFlight: 0, waiting: 0 });
  });

  it("counts an agency's calls per second across instances", async () => {
    const prefix = `test-${randomUUID()}`;
    const limits = { callsPerSecond: 3, callsInFlight: 100 };
    const [a, b] = [budgetsOn(first, prefix, limits), budgetsOn(second, prefix, limits)];
    for (const budgets of [a, b, a]) (await budgets.for('north', 'reposit').acquire(undefined, 0))();
    const over = await settled(b.for('north', 'reposit').acquire(undefined, 0));
    expect((over as { error: unknown }).error).toBeInstanceOf(VendorBudgetExhausted);
    // Another agency, and the same agency at another vendor, have their own counts.
    (await b.for('south', 'reposit').acquire(undefined, 0))();
    (await b.for('north', 'canopyServicing').acquire(undefined, 0))();
    // Waiting is allowed: the call goes in the next second.
    (await a.for('north', 'reposit').acquire(undefined, 2_000))();
  });

  it("holds back an agency's calls to a vendor on every instance after a 429, and no other agency's", async () => {
    const prefix = `test-${randomUUID()}`;
    const limits = { callsPerSecond: 1_000, callsInFlight: 10 };
    const [a, b] = [budgetsOn(first, prefix, limits), budgetsOn(second, prefix, limits)];
    await a.for('north', 'canopyServicing').backOff(5_000);
    const held = await settled(b.for('north', 'canopyServicing').acquire(undefined, 100));
    expect((held as { error: VendorBudgetExhausted }).error).toBeInstanceOf(VendorBudgetExhausted);
    expect((held as { error: VendorBudgetExhausted }).error.waitMs).toBeGreaterThan(100);
    expect(b.for('north', 'canopyServicing').usage()).toEqual({ inFlight: 0, waiting: 0 });
    (await b.for('south', 'canopyServicing').acquire(undefined, 0))();
    (await b.for('north', 'reposit').acquire(undefined, 0))();
    expect(await first.keys(`${prefix}:*back-off*`)).toEqual([`${prefix}:{north}:vendor-back-off:canopyServicing`]);
  });
});

describe('vendor budgets in the vendor clients', () => {
  const PATH = { method: 'GET' as const, path: '/products' };

  it("backs off a vendor's Retry-After on a second instance, which then calls the vendor for no one of that agency", async () => {
    const prefix = `test-${randomUUID()}`;
    const limits = { callsPerSecond: 1_000, callsInFlight: 10 };
    const [a, b] = [budgetsOn(first, prefix, limits), budgetsOn(second, prefix, limits)];
    sandbox.knobs.addFault({ vendor: 'canopy-servicing', status: 429, retryAfterSeconds: 30, times: 1 });
    sandbox.calls.reset();
    const onA = sandbox.http('canopy-servicing', { budget: a.for('north', 'canopyServicing') });
    const refused = await settled(onA.json(PATH));
    expect((refused as { error: VendorError }).error).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(sandbox.calls.count('canopy-servicing')).toBe(1);

    const onB = sandbox.http('canopy-servicing', { budget: b.for('north', 'canopyServicing') });
    const held = (await settled(onB.json(PATH))) as { error: VendorError };
    expect(held.error).toBeInstanceOf(VendorError);
    expect(held.error).toMatchObject({ code: 'RATE_LIMITED', status: undefined });
    expect(held.error.message).toContain("agency's share of this vendor is used up");
    expect(sandbox.calls.count('canopy-servicing')).toBe(1);

    const southOnB = sandbox.http('canopy-servicing', { budget: b.for('south', 'canopyServicing') });
    await settled(southOnB.json(PATH));
    expect(sandbox.calls.count('canopy-servicing')).toBe(2);
  });

  it("lets another agency's call through while one agency's calls fill its places", async () => {
    const budgets = budgetsOn(first, `test-${randomUUID()}`, { callsPerSecond: 1_000, callsInFlight: 2 });
    const north = budgets.for('north', 'canopyServicing');
    sandbox.knobs.reset();
    sandbox.calls.reset();
    // The first two calls hang: north's two places stay taken until their client gives up.
    sandbox.knobs.addFault({ vendor: 'canopy-servicing', status: 'hang', times: 2 });
    const controller = new AbortController();
    const northHttp = sandbox.http('canopy-servicing', { budget: north, retry: { attempts: 1 } });
    const northCalls = Array.from({ length: 5 }, () => settled(northHttp.json({ ...PATH, signal: controller.signal })));
    await vi.waitFor(() => expect(sandbox.calls.count('canopy-servicing')).toBe(2));
    expect(north.usage()).toEqual({ inFlight: 2, waiting: 3 });

    const south = sandbox.http('canopy-servicing', { budget: budgets.for('south', 'canopyServicing') });
    const southAnswer = await settled(south.json(PATH));
    expect(southAnswer).not.toHaveProperty('error.name', 'AbortError');
    expect(sandbox.calls.count('canopy-servicing')).toBe(3);
    // North is still held where it was: south's call did not wait behind it.
    expect(north.usage()).toEqual({ inFlight: 2, waiting: 3 });

    controller.abort(new Error('client gone'));
    await Promise.all(northCalls);
    expect(north.usage()).toEqual({ inFlight: 0, waiting: 0 });
    expect(sandbox.calls.count('canopy-servicing')).toBe(3);
  });
});
