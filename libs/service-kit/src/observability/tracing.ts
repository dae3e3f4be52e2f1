import {
  context,
  propagation,
  trace,
  SpanKind,
  SpanStatusCode,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';

export { SpanKind };

let provider: NodeTracerProvider | undefined;

/**
 * Starts exporting spans over OTLP/HTTP when the environment asks for it (OTEL_TRACES_EXPORTER=otlp, or an
 * OTEL_EXPORTER_OTLP_ENDPOINT without OTEL_TRACES_EXPORTER=none); otherwise tracing stays a no-op. Once per process.
 */
export function startTracing(service: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (provider) return true;
  const exporter = env.OTEL_TRACES_EXPORTER?.trim().toLowerCase();
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (exporter === 'none' || (exporter !== 'otlp' && !endpoint)) return false;
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME ?? `samad-${service}`,
      [ATTR_SERVICE_VERSION]: '0.1.0',
    }),
    // The exporter reads OTEL_EXPORTER_OTLP_* (endpoint, headers, protocol http/json or http/protobuf) itself.
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter(), { scheduledDelayMillis: 500 })],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  return true;
}

/** Sends the spans still buffered; called on shutdown. */
export async function stopTracing(): Promise<void> {
  await provider?.shutdown().catch(() => undefined);
  provider = undefined;
}

export const samadTracer = (): Tracer => trace.getTracer('samad');

/** The W3C `traceparent` (and `tracestate`) of a context, for Kafka headers and event metadata. */
export function traceHeadersOf(ctx: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier;
}

/** The context a `traceparent` carried in (headers or metadata) continues; the active one if none. */
export function contextFrom(carrier: Record<string, unknown> | undefined): Context {
  const strings: Record<string, string> = {};
  for (const key of ['traceparent', 'tracestate']) {
    const value = carrier?.[key];
    if (typeof value === 'string') strings[key] = value;
    else if (Buffer.isBuffer(value)) strings[key] = value.toString('utf8');
  }
  return propagation.extract(context.active(), strings);
}

/** Runs work in a span (a child of `parent`), recording an exception and ending the span either way. */
export async function inSpan<T>(
  name: string,
  options: { kind?: SpanKind; parent?: Context; attributes?: Record<string, string | number | boolean> },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = options.parent ?? context.active();
  return samadTracer().startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes },
    parent,
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.name });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
