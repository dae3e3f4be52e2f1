import { createParser } from 'eventsource-parser';
import { waitFor } from './environment';

export interface StreamEvent {
  type: string;
  data: unknown;
}

export interface OpenEventStream {
  status: number;
  events: StreamEvent[];
  /** The n-th (0-based) event of `type`, once it has arrived. */
  nth: (type: string, n: number) => Promise<StreamEvent>;
  close: () => void;
}

/** A server-sent event stream read as the console reads it: fetch with a bearer token, parsed as it comes. */
export async function openEventStream(
  url: string,
  headers: Record<string, string>,
): Promise<OpenEventStream> {
  const stop = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: stop.signal });
  const events: StreamEvent[] = [];
  if (res.ok && res.body) {
    const parser = createParser({
      onEvent: (event) => events.push({ type: event.event ?? 'message', data: JSON.parse(event.data) }),
    });
    void (async () => {
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        parser.feed(value);
      }
    })().catch(() => undefined);
  } else await res.body?.cancel();
  const nth = (type: string, n: number) =>
    waitFor(`event ${type} #${n + 1} on ${url}`, async () => events.filter((e) => e.type === type)[n]);
  return { status: res.status, events, nth, close: () => stop.abort() };
}
