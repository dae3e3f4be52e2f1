import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { createEventStore, eventStoreConfigFromEnv, type EventStore } from '@samad/event-store';
import {
  CitizenKeyVault,
  PersonalDataProtectingEventStore,
  personalDataKeysFromEnv,
} from '@samad/personal-data';
import type { ServiceConfig } from '../config/service-config';
import { createKafka } from '../kafka/kafka-client';

/** The citizen key vault every service shares; reads PERSONAL_DATA_SECRET (a dev default outside production). */
export const createCitizenKeyVault = (databaseUrl: string, applicationName: string): CitizenKeyVault =>
  new CitizenKeyVault({
    connectionString: databaseUrl,
    keys: personalDataKeysFromEnv(),
    applicationName: `${applicationName}-personal-data`,
  });

/** The event store as services see it: personal fields sealed on append and opened (or erased) on read. */
export const createProtectedEventStore = (
  databaseUrl: string,
  applicationName: string,
  vault: CitizenKeyVault,
): EventStore => {
  // EVENT_STORE chooses the adapter (eventStoreConfigFromEnv); the service's validated URL wins over DATABASE_URL.
  const config = eventStoreConfigFromEnv({ ...process.env, DATABASE_URL: databaseUrl });
  return new PersonalDataProtectingEventStore(
    createEventStore(config.kind === 'postgres' ? { ...config, applicationName } : config),
    vault,
  );
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
          // Reads PERSONAL_DATA_SECRET (a development default outside production); fails start-up if missing.
          useFactory: () => createCitizenKeyVault(config.databaseUrl, `samad-${config.service}`),
        },
        {
          provide: EVENT_STORE,
          inject: [CITIZEN_KEY_VAULT],
          useFactory: (vault: CitizenKeyVault) =>
            createProtectedEventStore(config.databaseUrl, `samad-${config.service}`, vault),
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
