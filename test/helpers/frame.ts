import type { AddressInfo } from 'node:net';
import { createSandboxServer, SANDBOX_PREFIXES, type ExchangeObserver } from '../../src/sandbox/server';
import type { VendorSimulator } from '../../src/sandbox/vendor-simulator';
import type { VendorName } from '../../src/sources/vendor-error';

/** The sandbox frame alone, serving the given simulators on an ephemeral port. */
export async function startFrame(simulators: VendorSimulator[], onExchange?: ExchangeObserver) {
  const { server, knobs, calls } = createSandboxServer(simulators, onExchange);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    knobs,
    calls,
    baseUrl: (vendor: VendorName) => url + SANDBOX_PREFIXES[vendor],
    async close(): Promise<void> {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
