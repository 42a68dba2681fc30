import { describe, expect, it } from 'vitest';
import { Findings } from './findings';
import { DEFAULT_FUZZ_CONFIGURATION, TIGHT_LIMITS_FUZZ_CONFIGURATION, useFuzzGateway } from './fuzz-gateway';
import { operationSeeds } from './graphql-corpus';
import { graphqlCase } from './graphql-mutators';
import { limitsNamedIn } from './limit-refusals';
import { runGraphQLCases } from './graphql-runner';
import { createRandom, fuzzSettings } from './prng';

const { seed, runs } = fuzzSettings();
const REQUESTS = Math.round(2_000 * runs);

// The same cases against each configuration: what a tight limit refuses must still be refused well.
describe.each([DEFAULT_FUZZ_CONFIGURATION, TIGHT_LIMITS_FUZZ_CONFIGURATION])('$name', (configuration) => {
  const fuzz = useFuzzGateway(8, configuration);

  it(
    `graphql: ${REQUESTS} requests mutated from operations/, no 5xx, no INTERNAL_SERVER_ERROR, every refusal names what it refuses`,
    async () => {
      const random = createRandom(seed + 3);
      const seeds = operationSeeds();
      const cases = Array.from({ length: REQUESTS }, () => graphqlCase(seeds, random));
      const findings = new Findings();
      const refusedBy = new Map<string, number>();
      const onAnswer = ({ text }: { text: string }) => limitsNamedIn(text).forEach((limit) => refusedBy.set(limit, (refusedBy.get(limit) ?? 0) + 1));
      await runGraphQLCases(cases, fuzz.client, fuzz.authorization, findings, { onAnswer });
      expect(findings.categories, findings.report(seed)).toEqual([]);
      console.info(`fuzz (${configuration.name}): refusals by limit`, Object.fromEntries(refusedBy));
      expect([...refusedBy.keys()]).toEqual(expect.arrayContaining(configuration.refusedBy ?? []));
    },
    120_000,
  );
});
