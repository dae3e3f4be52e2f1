import type { EventStore, EventToAppend } from '@samad/event-store';
import { currentRequestContext } from './request-context';
import type { SamadMetrics } from './samad-metrics';
import { inSpan, traceHeadersOf } from './tracing';

/**
 * The event store with its appends measured and traced: each event's metadata gets the correlation id of
 * the call or event causing it (unless the caller set one) and the append span's traceparent, so the relay,
 * publishing later, continues the same trace (ADR 0035). Everything else passes straight through.
 */
export function instrumentedEventStore(store: EventStore, metrics: SamadMetrics): EventStore {
  const append: EventStore['appendToStream'] = (streamId, events, options) =>
    inSpan('event-store append', { attributes: { 'samad.events': events.length } }, async (span) => {
      span.setAttribute('samad.event_types', [...new Set(events.map((e) => e.type))].join(','));
      const correlationId = currentRequestContext()?.correlationId;
      const trace = traceHeadersOf();
      const withContext = events.map((event): EventToAppend => ({
        ...event,
        metadata: { ...(correlationId && { correlationId }), ...event.metadata, ...trace },
      }));
      const stop = metrics.appendDuration.startTimer();
      const result = await store.appendToStream(streamId, withContext, options);
      stop();
      metrics.appendBatchSize.observe(events.length);
      for (const event of events) {
        metrics.eventsAppended.inc({ type: event.type });
        if (event.type === 'RequestRegistered') metrics.registrationsAccepted.inc();
      }
      return result;
    });
  return new Proxy(store, {
    get(target, property) {
      if (property === 'appendToStream') return append;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
