import { SCOPES, type Principal } from '../../src/auth/principal';
import type { GatewayContext } from '../../src/context';
import { DASHBOARD_EMAIL, DASHBOARD_QUERY } from './operations';

// As the bench runs the gateway (bench/lib/child.ts); graphql reads it once, when first imported.
process.env.NODE_ENV ??= 'production';
const { useGateway } = await import('../../test/helpers/gateway');

/**
 * `tsx bench/queries/execution-cpu.ts [executions]`: the CPU time of one tenant dashboard in
 * process, its vendor data already loaded: Yoga's envelop per request (cached parse and
 * validation, a fresh context given warm loaders, the limits' hooks) and the result written as
 * JSON, with no HTTP. Far less sensitive to a loaded machine than requests per second.
 */
async function main(): Promise<void> {
  const executions = Number(process.argv[2] ?? 1_000);
  const rounds = 20;
  const gateway = await useGateway();
  try {
    const { query } = JSON.parse(DASHBOARD_QUERY.body) as { query: string };
    const variableValues = { email: DASHBOARD_EMAIL };
    // What the transports hand the context once a request has authenticated; authentication itself is not measured here.
    const principal: Principal = { subject: 'bench', agencyId: gateway.agencyId, scopes: new Set(SCOPES), credential: { kind: 'jwt', expiresAt: undefined } };
    const warm = (await gateway.yoga.getEnveloped({ principal }).contextFactory()) as unknown as GatewayContext;

    const once = async (): Promise<string> => {
      const { parse, validate, contextFactory, execute, schema } = gateway.yoga.getEnveloped({ principal });
      const document = parse(query);
      if (validate(schema, document).length > 0) throw new Error('the dashboard does not validate');
      const contextValue = (await contextFactory()) as unknown as GatewayContext;
      contextValue.loaders = warm.loaders;
      return JSON.stringify(await execute({ schema, document, contextValue, variableValues }));
    };

    const first = JSON.parse(await once()) as { errors?: unknown };
    if (first.errors) throw new Error(`the dashboard answered errors: ${JSON.stringify(first.errors)}`);
    for (let i = 0; i < executions; i++) await once();

    // The least of many short rounds is the figure least inflated by other processes on the machine.
    const perRound: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const start = process.cpuUsage();
      for (let i = 0; i < executions; i++) await once();
      const used = process.cpuUsage(start);
      perRound.push((used.user + used.system) / 1000 / executions);
    }
    perRound.sort((a, b) => a - b);
    const ms = (index: number) => perRound[index]!.toFixed(3);
    console.log(`CPU per dashboard, ${rounds} rounds of ${executions}: least ${ms(0)} ms, median ${ms(rounds / 2)} ms`);
  } finally {
    await gateway.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
