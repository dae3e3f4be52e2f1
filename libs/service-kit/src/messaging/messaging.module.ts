import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { createEventStore, type EventStore } from '@samad/event-store';
import type { ServiceConfig } from '../config/service-config';
import { createKafka } from '../kafka/kafka-client';

export const EVENT_STORE = Symbol('EVENT_STORE');
export const KAFKA = Symbol('KAFKA');

/** The event store (source of truth) and the Kafka client, one of each per service process. */
@Global()
@Module({})
export class MessagingModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static forService(config: ServiceConfig): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        {
          provide: EVENT_STORE,
          useFactory: () =>
            createEventStore(
              process.env.EVENT_STORE === 'eventstoredb'
                ? { kind: 'eventstoredb', connectionString: process.env.EVENTSTORE_CONNECTION_STRING ?? '' }
                : {
                    kind: 'postgres',
                    connectionString: config.databaseUrl,
                    applicationName: `samad-${config.service}`,
                  },
            ),
        },
        { provide: KAFKA, useFactory: (): Kafka => createKafka(config) },
      ],
      exports: [EVENT_STORE, KAFKA],
    };
  }

  // Runs after every consumer has stopped (Nest shuts modules down in reverse order).
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
