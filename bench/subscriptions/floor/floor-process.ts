import { startChild } from '../../lib/child';
import { freePort } from '../../lib/free-port';
import { heapSnapshotOf, MEMORY_PROBE, memoryOf, type GatewayProcess } from '../gateway-process';

/**
 * The bare-ws floor (floor-main.ts) in a child process of its own, pinned like a gateway and
 * probed for memory the same way, behind the gateway's interface so every scenario drives it alike.
 */
export async function startFloorProcess(core?: number): Promise<GatewayProcess> {
  const port = await freePort();
  const child = await startChild({
    entry: 'bench/subscriptions/floor/floor-main.ts',
    nodeArgs: ['--expose-gc', '--import', MEMORY_PROBE],
    env: { PORT: String(port) },
    core,
    ready: /floor: listening/,
    ipc: true,
  });
  return {
    url: `http://127.0.0.1:${port}`,
    connectionParams: {},
    webhookSecret: 'floor',
    memory: () => memoryOf(child),
    heapSnapshot: (path) => heapSnapshotOf(child, path),
    alive: child.alive,
    stop: child.stop,
  };
}
