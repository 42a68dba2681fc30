import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import Router, { type HTTPMethod } from 'find-my-way';
import type { HttpMethod } from '../sources/http';
import type { VendorName } from '../sources/vendor-error';
import { VENDOR_KEYS, VENDORS } from '../sources/vendors';
import { CallCounter } from './call-counter';
import { SandboxKnobs, type FaultRule } from './knobs';
import type { SandboxReply, SandboxRequest, SandboxRoute, VendorSimulator } from './vendor-simulator';

/** Where each simulated vendor is mounted on the sandbox server. */
export const SANDBOX_PREFIXES = Object.fromEntries(VENDOR_KEYS.map((key) => [VENDORS[key].name, VENDORS[key].sandbox.prefix])) as Record<VendorName, string>;

const CONTROL_PREFIX = '/__sandbox';
const MAX_BODY_BYTES = 1024 * 1024;
const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** A route of one vendor, which each of its accounts answers with its own handler. */
interface Mounted {
  path: string;
  endpoint: string;
}

/** One call a simulator answered, with its answer: contract tests check both against the OpenAPI documents. */
export interface Exchange {
  vendor: VendorName;
  /** `METHOD /route/:pattern`, as in the vendor's OpenAPI document. */
  endpoint: string;
  request: SandboxRequest;
  reply: SandboxReply;
}

export type ExchangeObserver = (exchange: Exchange) => void;

export interface SandboxServer {
  server: Server;
  knobs: SandboxKnobs;
  calls: CallCounter;
}

/**
 * One HTTP server playing every given vendor under its prefix. A vendor may be given several
 * times, once per account: each call goes to the account whose credential it bears, as at the
 * real vendor, and a call bearing no account's goes to the first, whose checks refuse it as the
 * vendor does. Every call is counted (per endpoint, over all accounts) and passes through the
 * knobs (latency, error rate, forced faults) before the simulator answers it.
 * `/__sandbox/*` lets another process (a benchmark) read the counter and turn the knobs.
 */
export function createSandboxServer(simulators: VendorSimulator[], onExchange?: ExchangeObserver): SandboxServer {
  const knobs = new SandboxKnobs();
  const calls = new CallCounter();
  const router = Router({ ignoreTrailingSlash: true });
  const byVendor = new Map<VendorName, VendorSimulator[]>();
  const handlers = new Map<VendorSimulator, Map<string, SandboxRoute>>();

  for (const simulator of simulators) {
    handlers.set(simulator, new Map(simulator.routes.map((route) => [`${route.method} ${route.path}`, route])));
    const accounts = byVendor.get(simulator.vendor);
    if (accounts) {
      accounts.push(simulator);
      continue;
    }
    byVendor.set(simulator.vendor, [simulator]);
    for (const route of simulator.routes) {
      const mounted: Mounted = { path: route.path, endpoint: `${route.method} ${route.path}` };
      router.on(route.method as HTTPMethod, SANDBOX_PREFIXES[simulator.vendor] + route.path, () => undefined, mounted);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    if (url.pathname.startsWith(CONTROL_PREFIX)) return control(req, res, url, knobs, calls);

    const accounts = accountsAt(url.pathname, byVendor);
    if (!accounts) return send(res, { status: 404, json: { message: 'No simulated vendor at this path' } });
    const simulator = accounts.find((account) => account.acceptsCredential?.(req.headers) ?? true) ?? accounts[0]!;

    const method = (req.method ?? 'GET').toUpperCase() as HttpMethod;
    const found = router.find(method as HTTPMethod, url.pathname);
    if (!found) {
      const allowed = METHODS.filter((other) => router.find(other as HTTPMethod, url.pathname));
      const status = allowed.length > 0 ? 405 : 404;
      const headers: Record<string, string> = allowed.length > 0 ? { allow: allowed.join(', ') } : {};
      const message = status === 405 ? `Method ${method} not allowed` : `No route ${method} ${url.pathname}`;
      return send(res, { status, json: simulator.errorBody(status, message), headers });
    }
    const { path, endpoint } = found.store as Mounted;
    // Every account of a vendor has the vendor's routes.
    const route = handlers.get(simulator)!.get(endpoint)!;
    calls.record(simulator.vendor, method, path);

    const delay = knobs.delayFor(simulator.vendor);
    if (delay > 0) await sleep(delay);
    const fault = knobs.faultFor(simulator.vendor, endpoint);
    const answerFault = (): void => {
      if (fault.kind === 'hang') return; // the socket stays open until the client or the server gives up
      if (fault.kind !== 'status') return;
      const headers: Record<string, string> =
        fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
      const json = fault.status < 300 ? undefined : simulator.errorBody(fault.status, 'Simulated fault');
      send(res, { status: fault.status, json, headers });
    };
    if (fault.kind !== 'none' && !fault.afterApplying) return answerFault();

    const raw = await readBody(req);
    if (raw === 'too-large') return send(res, { status: 413, json: simulator.errorBody(413, 'Request body too large') });
    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return send(res, { status: 400, json: simulator.errorBody(400, 'Request body is not valid JSON') });
      }
    }
    const host = req.headers.host ?? 'localhost';
    const request: SandboxRequest = {
      method,
      path: url.pathname.slice(SANDBOX_PREFIXES[simulator.vendor].length),
      params: found.params as Record<string, string>,
      query: url.searchParams,
      headers: req.headers,
      body,
      baseUrl: `http://${host}${SANDBOX_PREFIXES[simulator.vendor]}`,
    };
    const reply = await route.handle(request);
    onExchange?.({ vendor: simulator.vendor, endpoint, request, reply });
    // Only a call the vendor applied has its answer replaced; a refusal is answered as it is.
    if (fault.kind !== 'none' && reply.status < 300) return answerFault();
    send(res, reply);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('sandbox: unexpected error', error);
      if (!res.headersSent) send(res, { status: 500, json: { message: 'Sandbox failure' } });
      else res.destroy();
    });
  });
  return { server, knobs, calls };
}

function accountsAt(path: string, byVendor: Map<VendorName, VendorSimulator[]>): VendorSimulator[] | undefined {
  for (const [vendor, accounts] of byVendor) {
    const prefix = SANDBOX_PREFIXES[vendor];
    if (path === prefix || path.startsWith(`${prefix}/`)) return accounts;
  }
  return undefined;
}

function send(res: ServerResponse, reply: SandboxReply): void {
  if ('bytes' in reply) {
    res.writeHead(reply.status, { 'content-length': String(reply.bytes.length), ...reply.headers });
    res.end(reply.bytes);
    return;
  }
  if (reply.json === undefined) {
    res.writeHead(reply.status, reply.headers);
    res.end();
    return;
  }
  const text = JSON.stringify(reply.json);
  res.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...reply.headers,
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The control API: `GET|DELETE /__sandbox/calls`, `PUT|DELETE /__sandbox/knobs`, `POST /__sandbox/faults`. */
async function control(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  knobs: SandboxKnobs,
  calls: CallCounter,
): Promise<void> {
  const route = `${req.method} ${url.pathname.slice(CONTROL_PREFIX.length)}`;
  const raw = await readBody(req);
  let body: Record<string, unknown> = {};
  try {
    if (raw !== 'too-large' && raw.length > 0) body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  } catch {
    return send(res, { status: 400, json: { message: 'Body is not valid JSON' } });
  }
  const vendor = body.vendor as VendorName | undefined;
  try {
    switch (route) {
      case 'GET /calls':
        return send(res, { status: 200, json: calls.snapshot() });
      case 'DELETE /calls':
        calls.reset();
        return send(res, { status: 204 });
      case 'PUT /knobs':
        if (body.latency) knobs.setLatency(body.latency as { fixedMs?: number; jitterMs?: number }, vendor);
        if (body.errorRate !== undefined) knobs.setErrorRate(Number(body.errorRate), vendor);
        return send(res, { status: 204 });
      case 'DELETE /knobs':
        knobs.reset();
        return send(res, { status: 204 });
      case 'POST /faults':
        knobs.addFault(body as unknown as FaultRule);
        return send(res, { status: 204 });
      default:
        return send(res, { status: 404, json: { message: `No control route ${route}` } });
    }
  } catch (error) {
    return send(res, { status: 400, json: { message: (error as Error).message } });
  }
}
