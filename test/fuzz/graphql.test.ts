import { expect, it } from 'vitest';
import { Findings } from './findings';
import { useFuzzGateway } from './fuzz-gateway';
import { operationSeeds } from './graphql-corpus';
import { graphqlCase } from './graphql-mutators';
import { runGraphQLCases } from './graphql-runner';
import { createRandom, fuzzSettings } from './prng';

const { seed, runs } = fuzzSettings();
const REQUESTS = Math.round(2_000 * runs);

const fuzz = useFuzzGateway(8);

it(
  `graphql: ${REQUESTS} requests mutated from operations/, no 5xx, no INTERNAL_SERVER_ERROR, every refusal names what it refuses`,
  async () => {
    const random = createRandom(seed + 3);
    const seeds = operationSeeds();
    const cases = Array.from({ length: REQUESTS }, () => graphqlCase(seeds, random));
    const findings = new Findings();
    await runGraphQLCases(cases, fuzz.client, fuzz.gateway.authorization, findings);
    expect(findings.categories, findings.report(seed)).toEqual([]);
  },
  120_000,
);
