/**
 * Sends webhook fuzz cases in batches, judges every answer, reads a sample of the accepted
 * events back from the event log (a 2xx must mean stored), and checks `/healthz` between batches.
 */
import { isDeepStrictEqual } from 'node:util';
import type { EventLog } from '../../src/subscriptions/event-log';
import { TEST_WEBHOOK_SECRET } from '../helpers/gateway';
import { eachConcurrently, type Findings } from './findings';
import type { FuzzClient } from './gateway-client';
import type { WebhookCase } from './webhook-mutators';
import { judgeWebhook } from './webhook-verdict';

export interface WebhookRun {
  client: FuzzClient;
  events: EventLog;
  agencyId: string;
  findings: Findings;
  /** Every how many accepted events one is read back. @default 20 */
  sampleEvery?: number;
  /** @default 16 */
  concurrency?: number;
  /** @default 500 */
  batchSize?: number;
}

/** The cursor just before a stream id `<ms>-<seq>`, so reading after it starts at that id. */
function cursorBefore(id: string): string {
  const [ms, seq] = id.split('-').map(BigInt) as [bigint, bigint];
  return seq > 0n ? `${ms}-${seq - 1n}` : `${ms - 1n}-18446744073709551615`;
}

export async function runWebhookCases(cases: WebhookCase[], run: WebhookRun): Promise<void> {
  const { client, findings } = run;
  const sampleEvery = run.sampleEvery ?? 20;
  const batchSize = run.batchSize ?? 500;
  let accepted = 0;

  async function one(testCase: WebhookCase): Promise<void> {
    findings.counted();
    const category = (failure: string) => `${testCase.route} · ${testCase.mutator} · ${failure}`;
    const headers: Record<string, string> = testCase.contentType === undefined ? {} : { 'content-type': testCase.contentType };
    const input = `${testCase.contentType ?? '(no Content-Type)'} ${testCase.body}`;
    const answer = await client.post(`/webhooks/${testCase.route}/${TEST_WEBHOOK_SECRET}`, testCase.body, headers).catch((error: Error) => error);
    if (answer instanceof Error) return findings.add(category(`no answer (${answer.message})`), { input, answer: String(answer) });
    const { failures, storedId } = judgeWebhook(testCase, answer);
    for (const failure of failures) findings.add(category(failure), { input, answer: `${answer.status} ${answer.text}` });
    if (storedId && ++accepted % sampleEvery === 0) {
      const [event] = await run.events.readAfter(run.agencyId, cursorBefore(storedId), 1);
      // Stored as JSON, so compared with the body as JSON writes it (1e309 becomes null, -0 becomes 0).
      const asStored: unknown = JSON.parse(JSON.stringify(JSON.parse(testCase.body)));
      if (event?.id !== storedId || !isDeepStrictEqual(event.payload, asStored)) {
        findings.add(category('acknowledged but not in the event log'), { input, answer: `${answer.status} ${answer.text}` });
      }
    }
  }

  for (let start = 0; start < cases.length; start += batchSize) {
    await eachConcurrently(cases.slice(start, start + batchSize), run.concurrency ?? 16, one);
    if (!(await client.healthy())) findings.add(`process · /healthz failed after input ${start + batchSize}`, { input: '', answer: '' });
  }
}
