import type { Pool } from 'pg';
import {
  PostgresEventStore,
  silentLogger,
  StreamNotFoundError,
  type RecordedEvent,
} from '@samad/event-store';
import { parseTrackingCode, requestStreamName } from '@samad/request-lifecycle';
import { UsageError } from './auditor-command';
import type { Messages } from './messages';

/** A request's events straight from the event store (the source of truth), in revision order. */
export const readRequestEvents = async (
  pool: Pool,
  rawCode: string | undefined,
  messages: Messages,
): Promise<{ code: string; streamId: string; events: RecordedEvent[] }> => {
  if (!rawCode) throw new UsageError('a tracking code is required');
  let code: string;
  try {
    code = parseTrackingCode(rawCode, 'code');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const streamId = requestStreamName(code);
  const store = new PostgresEventStore({ pool, logger: silentLogger });
  try {
    return { code, streamId, events: await store.readStream(streamId) };
  } catch (error) {
    if (error instanceof StreamNotFoundError) throw new UsageError(messages.notFound(code));
    throw error;
  } finally {
    await store.close();
  }
};
