import { trace } from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { setTracing } from './tracer';

export interface Telemetry {
  /** Sends the spans still buffered. */
  flush(): Promise<void>;
  /** Flushes, then stops exporting. */
  shutdown(): Promise<void>;
}

/**
 * Whether the standard variables ask for traces: an OTLP endpoint is set, and neither
 * `OTEL_SDK_DISABLED=true` nor `OTEL_TRACES_EXPORTER=none` turns them off.
 */
export function tracingRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  if (env.OTEL_TRACES_EXPORTER?.trim().toLowerCase() === 'none') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

/**
 * Starts the OTel Node SDK when the `OTEL_*` variables ask for traces; otherwise starts nothing
 * and the gateway's spans stay no-ops. The SDK itself reads the endpoint, protocol
 * (`OTEL_EXPORTER_OTLP_PROTOCOL`), headers, sampler (`OTEL_TRACES_SAMPLER`, `_ARG`), propagators
 * and resource (`OTEL_SERVICE_NAME`, `OTEL_RESOURCE_ATTRIBUTES`). No automatic instrumentation
 * is loaded: the gateway makes its own spans, whose attributes it controls (route templates,
 * never filled paths, variables or documents).
 */
export function startTelemetry(env: NodeJS.ProcessEnv = process.env): Telemetry | undefined {
  if (!tracingRequested(env)) return undefined;
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME?.trim() ? undefined : 'rentgraph',
    instrumentations: [],
    // Traces only: metrics are served on /metrics, logs go to stdout.
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  setTracing(true);
  return {
    flush: () => forceFlush(),
    shutdown: async () => {
      setTracing(false);
      await sdk.shutdown();
    },
  };
}

/** The registered provider behind the API's proxy, flushed where it can be. */
async function forceFlush(): Promise<void> {
  const proxy = trace.getTracerProvider() as { getDelegate?: () => unknown };
  const provider = (proxy.getDelegate?.() ?? proxy) as { forceFlush?: () => Promise<void> };
  await provider.forceFlush?.();
}
