import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import type { WebhookDelivery } from './vendor-simulator';

export interface DeliveryPolicy {
  /** Retries after the first attempt; Reposit documents "up to a maximum of 5 times per event". @default 5 */
  retries: number;
  /** First wait between attempts, doubled after each. @default 250 */
  baseDelayMs: number;
  /** Time allowed for one attempt. @default 5000 */
  timeoutMs: number;
}

export interface DeliveryOutcome {
  delivered: boolean;
  attempts: number;
  /** The last status received, if any answer came. */
  status?: number;
}

const DEFAULT_POLICY: DeliveryPolicy = { retries: 5, baseDelayMs: 250, timeoutMs: 5_000 };

/** POSTs one notification as the vendor would: JSON, retried on any failure until the policy runs out. */
export async function deliverWebhook(delivery: WebhookDelivery, policy: Partial<DeliveryPolicy> = {}): Promise<DeliveryOutcome> {
  const { retries, baseDelayMs, timeoutMs } = { ...DEFAULT_POLICY, ...policy };
  let status: number | undefined;
  for (let attempt = 1; attempt <= retries + 1; attempt++) {
    try {
      const response = await request(delivery.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(delivery.body),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      status = response.statusCode;
      await response.body.dump();
      if (status >= 200 && status < 300) return { delivered: true, attempts: attempt, status };
    } catch {
      status = undefined;
    }
    if (attempt <= retries) await sleep(baseDelayMs * 2 ** (attempt - 1));
  }
  return { delivered: false, attempts: retries + 1, status };
}
