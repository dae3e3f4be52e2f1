// A server-sent event stream for a signed-in screen. EventSource cannot send the bearer token, so the stream
// is read with fetch and parsed by eventsource-parser; it reconnects (with the newest token) until unmounted.
import { useEffect, useRef, useState } from 'react';
import { createParser } from 'eventsource-parser';
import { loadSession, refreshAccessToken } from './api';

export type LiveEventHandler = (type: string, data: unknown) => void;

const RETRY_MS = 3000;

/**
 * Calls `onEvent` for each event `path` sends (its `event:` name, its `data:` parsed as JSON); answers
 * whether the stream is open right now.
 */
export function useLiveFeed(path: string | undefined, onEvent: LiveEventHandler): boolean {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (!path) return undefined;
    const stop = new AbortController();
    const connect = async (): Promise<void> => {
      const headers = (token?: string): Record<string, string> => ({
        Accept: 'text/event-stream',
        ...(token && { Authorization: `Bearer ${token}` }),
      });
      let res = await fetch(path, { headers: headers(loadSession()?.accessToken), signal: stop.signal });
      if (res.status === 401) {
        const renewed = await refreshAccessToken();
        if (renewed) res = await fetch(path, { headers: headers(renewed), signal: stop.signal });
      }
      if (!res.ok || !res.body) throw new Error(`live feed ${path} answered ${res.status}`);
      setConnected(true);
      const parser = createParser({
        onEvent: (event) => {
          if (!event.data) return;
          try {
            handler.current(event.event ?? 'message', JSON.parse(event.data) as unknown);
          } catch {
            handler.current(event.event ?? 'message', event.data);
          }
        },
      });
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        parser.feed(value);
      }
    };
    void (async () => {
      while (!stop.signal.aborted) {
        await connect().catch(() => undefined);
        setConnected(false);
        if (!stop.signal.aborted) await new Promise((r) => setTimeout(r, RETRY_MS));
      }
    })();
    return () => stop.abort();
  }, [path]);
  return connected;
}
