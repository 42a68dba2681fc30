import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { benchAuth } from './lib/bench-auth';
import { startChild } from './lib/child';
import { freePort } from './lib/free-port';
import { ensureRedis } from './lib/redis';
import { runLoad } from './queries/load';
import { DASHBOARD_QUERY } from './queries/operations';
import { cpuSeconds } from './queries/process-usage';
import { gatewayEnv, startVendors, type Vendors } from './queries/vendors';

/**
 * `npm run bench:tracing [-- --quick]`: the gateway's CPU per tenant dashboard (11 vendor calls)
 * with tracing off (no OTEL_* variables), and exporting over OTLP/HTTP (protobuf, the SDK's
 * default) sampled at 100 % and at 1 % (`parentbased_traceidratio`). The gateway is
 * `src/main.ts` in a child process, its vendors the sandbox in another; the OTLP receiver
 * here only counts what it is sent. CPU is the child's own (/proc), per answered request,
 * including the export of its spans: each measure waits out one export interval.
 */
const MODES: Array<{ name: string; env: (otlp: string) => Record<string, string> }> = [
  { name: 'off', env: () => ({}) },
  { name: 'sampled 100 %', env: (otlp) => tracingEnv(otlp, '1') },
  { name: 'sampled 1 %', env: (otlp) => tracingEnv(otlp, '0.01') },
];

/** The schedule of the batch processor, shortened so each measure sees its spans exported; its queue large enough that none is dropped. */
const EXPORT_INTERVAL_MS = 500;

function tracingEnv(otlp: string, ratio: string): Record<string, string> {
  return {
    OTEL_EXPORTER_OTLP_ENDPOINT: otlp,
    OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
    OTEL_TRACES_SAMPLER_ARG: ratio,
    OTEL_BSP_SCHEDULE_DELAY: String(EXPORT_INTERVAL_MS),
    OTEL_BSP_MAX_QUEUE_SIZE: '65536',
  };
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const requests = quick ? 500 : 1_000;
  const rounds = quick ? 2 : 5;
  await ensureRedis();
  const sink = await startOtlpSink();
  const vendors = await startVendors();
  try {
    // Modes take turns round by round, so a machine that gets busier or quieter meanwhile weighs on each alike.
    const perMode = MODES.map(() => ({ cpu: [] as number[], exports: 0 }));
    for (let round = 0; round < rounds; round++) {
      for (const [index, mode] of MODES.entries()) {
        const measured = await measure(vendors, mode.env(sink.url), requests, () => sink.requests);
        perMode[index]!.cpu.push(measured.cpuMsPerRequest);
        perMode[index]!.exports += measured.exports;
      }
    }
    const rows = MODES.map((mode, index) => {
      const { cpu, exports } = perMode[index]!;
      cpu.sort((a, b) => a - b);
      return `| ${mode.name} | ${cpu[0]!.toFixed(3)} | ${cpu[Math.floor(rounds / 2)]!.toFixed(3)} | ${exports} |`;
    });
    const table = [
      `CPU of the gateway process per tenant dashboard (11 vendor calls), ${rounds} rounds of ${requests} requests, 8 in flight, spans exported over OTLP/HTTP protobuf:`,
      '',
      '| tracing | least ms | median ms | OTLP exports |',
      '|---|---|---|---|',
      ...rows,
    ].join('\n');
    console.log(table);
    if (!quick) writeFileSync(new URL('./results/tracing.md', import.meta.url), `# Tracing cost\n\n\`npm run bench:tracing\`\n\n${table}\n`);
  } finally {
    await vendors.stop();
    sink.close();
  }
}

async function measure(vendors: Vendors, tracing: Record<string, string>, requests: number, exportsSoFar: () => number) {
  const port = await freePort();
  const auth = await benchAuth('default', ['read', 'pii']);
  const child = await startChild({
    entry: 'src/main.ts',
    env: { ...gatewayEnv(vendors, port), ...auth.env, ...tracing },
    ready: /rentgraph: GraphQL at/,
  });
  try {
    const load = (maxRequests: number) =>
      runLoad({ url: `http://127.0.0.1:${port}/graphql`, body: DASHBOARD_QUERY.body, concurrency: 8, headers: auth.headers, maxRequests, maxDurationMs: 120_000 });
    await load(300);
    await sleep(EXPORT_INTERVAL_MS * 2);
    const exportsBefore = exportsSoFar();
    const before = cpuSeconds(child.pid);
    const result = await load(requests);
    // Its spans exported, as they would be under steady load.
    await sleep(EXPORT_INTERVAL_MS * 2);
    const used = cpuSeconds(child.pid) - before;
    if (result.errors > 0) throw new Error(`the dashboard failed ${result.errors} times: ${result.firstError}`);
    return { cpuMsPerRequest: (used * 1000) / result.latencies.length, exports: exportsSoFar() - exportsBefore };
  } finally {
    await child.stop();
  }
}

/** An OTLP/HTTP receiver that accepts every export and counts them, decoding nothing. */
async function startOtlpSink() {
  let requests = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.once('end', () => {
      if (req.url === '/v1/traces') requests++;
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return requests;
    },
    close: () => server.close(),
  };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
