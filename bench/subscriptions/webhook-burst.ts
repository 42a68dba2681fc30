import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { canopyExamples } from '../../test/helpers/webhooks';

const EXAMPLES = Object.values(canopyExamples);
const CONNECTIONS = 32;

/**
 * The documented Canopy examples in turn (all about the demo renter Amara), each made unique by
 * its clientReferenceId: the gateway acknowledges an identical body as a repeated delivery and
 * publishes it once, and the tag tells the subscribers which webhook they are looking at.
 */
export function canopyNotification(tag: string, index: number): Record<string, unknown> {
  return { ...EXAMPLES[index % EXAMPLES.length], clientReferenceId: `${tag}-${index}` };
}

/** Splits a tag made by `canopyNotification` back into its prefix and index. */
export function parseTag(clientReferenceId: string): { tag: string; index: number } {
  const dash = clientReferenceId.lastIndexOf('-');
  return { tag: clientReferenceId.slice(0, dash), index: Number(clientReferenceId.slice(dash + 1)) };
}

export interface Burst {
  /** `performance.now()` just before each webhook's POST, by index; filled before `postBurst` returns. */
  sentAt: Float64Array;
  /** Resolves when every webhook is answered, with how many the gateway did not acknowledge with 200 (or at all). */
  refused: Promise<number>;
}

/** POSTs `count` notifications to the gateway's Canopy webhook route at once, as the vendor would. */
export function postBurst(gatewayUrl: string, secret: string, tag: string, count: number): Burst {
  const pool = new Pool(gatewayUrl, { connections: CONNECTIONS });
  const sentAt = new Float64Array(count);
  const answers = Array.from({ length: count }, async (_, index) => {
    const body = JSON.stringify(canopyNotification(tag, index));
    sentAt[index] = performance.now();
    try {
      const response = await pool.request({
        path: `/webhooks/canopy/${secret}`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await response.body.dump();
      return response.statusCode === 200;
    } catch {
      // A gateway that died under load is reported by what its subscribers did not get.
      return false;
    }
  });
  const refused = Promise.all(answers)
    .then((accepted) => accepted.filter((ok) => !ok).length)
    .finally(() => pool.close());
  return { sentAt, refused };
}
