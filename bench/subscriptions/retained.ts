import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allCores, pinThisProcess } from '../lib/cpu-pinning';
import { openAudience, primeGateways } from './fan-out';
import { growthPerSubscriber, kindsOf, type Kind } from './heap-snapshot';
import type { ServerSetup } from './servers';

export interface RetainedBreakdown {
  label: string;
  subscribers: number;
  /** Per subscriber, largest self size first. */
  kinds: Array<{ name: string } & Kind>;
}

/**
 * Which objects an idle subscriber costs: a heap snapshot of the server before the first
 * subscriber connects (once it is primed) and one once all are live (each after a forced GC),
 * summed per constructor and subtracted, divided by the subscribers. The snapshot files are deleted once read.
 */
export async function measureRetained(setup: ServerSetup, subscribers: number): Promise<RetainedBreakdown> {
  console.log(`subscriptions: heap snapshots of ${setup.label}, ${subscribers.toLocaleString('en')} idle subscribers`);
  const [server, ...others] = await setup.start();
  if (!server || others.length > 0) throw new Error('measureRetained: one server at a time');
  const files = [join(tmpdir(), `rentgraph-bench-${process.pid}-before.heapsnapshot`), join(tmpdir(), `rentgraph-bench-${process.pid}-after.heapsnapshot`)] as const;
  try {
    pinThisProcess(setup.loadCores);
    await primeGateways([server]);
    await server.heapSnapshot(files[0]);
    const audience = await openAudience({ gateways: [server], subscribers });
    try {
      await server.heapSnapshot(files[1]);
    } finally {
      audience.close();
    }
    return { label: setup.label, subscribers, kinds: growthPerSubscriber(kindsOf(files[0]), kindsOf(files[1]), subscribers) };
  } finally {
    pinThisProcess(allCores());
    await server.stop();
    for (const file of files) rmSync(file, { force: true });
  }
}
