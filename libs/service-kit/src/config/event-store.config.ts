import { z } from 'zod';
import {
  DEFAULT_DATABASE_URL,
  EventStoreConfigError,
  eventStoreConfigOf,
  type EventStoreConfig,
} from '@samad/event-store';

/** EVENT_STORE (postgres | eventstoredb) and its connection; PostgreSQL is the service's DATABASE_URL. */
export const eventStoreSchema = z
  .object({
    EVENT_STORE: z.string().optional(),
    EVENTSTORE_CONNECTION_STRING: z.string().optional(),
    // Validated by the core part; read here only to point the PostgreSQL adapter at it.
    DATABASE_URL: z.string().default(DEFAULT_DATABASE_URL),
  })
  .transform((values, ctx): EventStoreConfig => {
    try {
      return eventStoreConfigOf({
        eventStore: values.EVENT_STORE,
        databaseUrl: values.DATABASE_URL,
        eventStoreConnectionString: values.EVENTSTORE_CONNECTION_STRING,
      });
    } catch (error) {
      if (!(error instanceof EventStoreConfigError)) throw error;
      ctx.addIssue({ code: 'custom', path: [error.variable], message: error.problem });
      return z.NEVER;
    }
  });
