/** Sends GraphQL fuzz cases in batches, judges every answer, and checks `/healthz` between batches. */
import { eachConcurrently, type Findings } from './findings';
import type { Answer, FuzzClient } from './gateway-client';
import type { GraphQLCase } from './graphql-mutators';
import { judgeGraphQL } from './graphql-verdict';

const HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

/**
 * `authorization`: the headers that authenticate every case, so what is judged is the case itself, not a missing credential.
 * `onAnswer`: sees every answer, after it is judged.
 */
export async function runGraphQLCases(
  cases: GraphQLCase[],
  client: FuzzClient,
  authorization: Record<string, string>,
  findings: Findings,
  { concurrency = 8, batchSize = 250, onAnswer = (_: Answer) => undefined as void } = {},
): Promise<void> {
  async function one(testCase: GraphQLCase): Promise<void> {
    findings.counted();
    const category = (failure: string) => `graphql · ${testCase.mutator} · ${failure}`;
    const answer = await client.post('/graphql', testCase.body, { ...HEADERS, ...authorization }).catch((error: Error) => error);
    if (answer instanceof Error) return findings.add(category(`no answer (${answer.message})`), { input: testCase.body, answer: String(answer) });
    for (const failure of judgeGraphQL(testCase, answer.status, answer.text)) {
      findings.add(category(failure), { input: testCase.body, answer: `${answer.status} ${answer.text}` });
    }
    onAnswer(answer);
  }
  for (let start = 0; start < cases.length; start += batchSize) {
    await eachConcurrently(cases.slice(start, start + batchSize), concurrency, one);
    if (!(await client.healthy())) findings.add(`process · /healthz failed after input ${start + batchSize}`, { input: '', answer: '' });
  }
}
