import type { BenchOptions } from '../lib/options';
import { writeResults } from '../lib/report';
import { authenticationCpuTable, measureAuthenticationCpu } from './authentication-cpu';
import { callCountTable, measureCallCounts } from './call-counts';
import { canPin, pinThisProcess } from '../lib/cpu-pinning';
import { latencyTable, measureLatency } from './latency';
import { BENCH_QUERIES, DASHBOARD_QUERY } from './operations';
import { startFloor, startRentgraph } from './rentgraph';
import { costTable, measureThroughput, throughputTable } from './throughput';
import { startVendors } from './vendors';

/** Core 0: this process (the load generator), the sandbox and Redis. Core 1: the server under test. */
const LOAD_CORE = 0;
const SERVER_CORE = 1;

/** REST calls, latency and throughput of the screens' queries; writes bench/results/queries.md. */
export async function runQueryBenchmarks(options: BenchOptions): Promise<void> {
  if (canPin) pinThisProcess(String(LOAD_CORE));
  const serverCore = canPin ? SERVER_CORE : undefined;
  const vendors = await startVendors(serverCore === undefined ? undefined : LOAD_CORE, options.before);
  try {
    console.log('queries: REST calls');
    const counts = await measureCallCounts(vendors, serverCore);
    console.log('queries: latency');
    const gateway = await startRentgraph(vendors, { core: serverCore });
    let latency;
    try {
      const floor = await startFloor(vendors, serverCore);
      try {
        latency = await measureLatency(
          vendors,
          [
            { name: 'rentgraph', url: gateway.url, headers: gateway.headers, queries: BENCH_QUERIES },
            { name: 'floor', url: floor.url, headers: floor.headers, queries: [DASHBOARD_QUERY] },
          ],
          options,
        );
      } finally {
        await floor.child.stop();
      }
    } finally {
      await gateway.child.stop();
    }
    console.log('queries: throughput');
    const throughput = await measureThroughput(vendors, options, serverCore);
    console.log('queries: authentication in process');
    const authentication = await measureAuthenticationCpu(options);
    writeResults(
      new URL('queries.md', options.results),
      'Queries',
      [callCountTable(counts), latencyTable(latency), throughputTable(throughput, options.quick, canPin), costTable(throughput), authenticationCpuTable(authentication, throughput[0]!.cpuMsPerRequest)],
      options.quick,
    );
  } finally {
    await vendors.stop();
  }
}
