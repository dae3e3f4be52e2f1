import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import {
  createEventStore,
  type EventStore,
  type EventStoreConfig,
  type PostgresTimeouts,
} from '@samad/event-store';
import {
  CitizenKeyVault,
  PersonalDataProtectingEventStore,
  type PersonalDataKeys,
} from '@samad/personal-data';
import type { ServiceConfig } from '../config/service-config';
import { createKafka } from '../kafka/kafka-client';
import { instrumentedEventStore } from '../observability/instrumented-event-store';
import { SamadMetrics } from '../observability/samad-metrics';

/** The citizen key vault every service shares, with the keys its configuration derived (PERSONAL_DATA_SECRET). */
export const createCitizenKeyVault = (
  databaseUrl: string,
  applicationName: string,
  keys: PersonalDataKeys,
  timeouts?: PostgresTimeouts,
): CitizenKeyVault =>
  new CitizenKeyVault({
    connectionString: databaseUrl,
    keys,
    applicationName: `${applicationName}-personal-data`,
    timeouts,
  });

/** The event store as services see it: personal fields sealed on append and opened (or erased) on read. */
export const createProtectedEventStore = (
  config: EventStoreConfig,
  applicationName: string,
  vault: CitizenKeyVault,
  metrics?: SamadMetrics,
): EventStore => {
  const store = createEventStore(config.kind === 'postgres' ? { ...config, applicationName } : config);
  // Measured and traced beneath the sealing, so the relay (reading the store as kept) sees the same metadata.
  return new PersonalDataProtectingEventStore(metrics ? instrumentedEventStore(store, metrics) : store, vault);
};

export const EVENT_STORE = Symbol('EVENT_STORE');
export const KAFKA = Symbol('KAFKA');
/** The citizens' data keys (a CitizenKeyVault): for erasure and for the digests read models search by. */
export const CITIZEN_KEY_VAULT = Symbol('CITIZEN_KEY_VAULT');

/**
 * The event store (source of truth) and the Kafka client, one of each per service process. The store is
 * wrapped so citizens' personal data is sealed on append and opened (or read as erased) on every read.
 */
@Global()
@Module({})
export class MessagingModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static forService(config: ServiceConfig): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        {
          provide: CITIZEN_KEY_VAULT,
          useFactory: () =>
            createCitizenKeyVault(
              config.databaseUrl,
              `samad-${config.service}`,
              config.personalDataKeys,
              config.databaseTimeouts,
            ),
        },
        {
          provide: EVENT_STORE,
          inject: [CITIZEN_KEY_VAULT, SamadMetrics],
          useFactory: (vault: CitizenKeyVault, metrics: SamadMetrics) =>
            createProtectedEventStore(config.eventStore, `samad-${config.service}`, vault, metrics),
        },
        { provide: KAFKA, useFactory: (): Kafka => createKafka(config) },
      ],
      exports: [EVENT_STORE, KAFKA, CITIZEN_KEY_VAULT],
    };
  }

  // Runs after every consumer has stopped (Nest shuts modules down in reverse order); closes the vault too.
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
