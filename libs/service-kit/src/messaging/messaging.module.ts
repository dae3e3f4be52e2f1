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
  SealedAttachments,
  createAttachmentStorage,
  type AttachmentStorage,
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
  return new PersonalDataProtectingEventStore(
    metrics ? instrumentedEventStore(store, metrics) : store,
    vault,
  );
};

export const EVENT_STORE = Symbol('EVENT_STORE');
export const KAFKA = Symbol('KAFKA');
/** The citizens' data keys (a CitizenKeyVault): for erasure and for the digests read models search by. */
export const CITIZEN_KEY_VAULT = Symbol('CITIZEN_KEY_VAULT');
/** Scanned letters and photos, sealed per citizen (ADR 29): a SealedAttachments. */
export const SEALED_ATTACHMENTS = Symbol('SEALED_ATTACHMENTS');
const ATTACHMENT_STORAGE = Symbol('ATTACHMENT_STORAGE');

/**
 * The event store (source of truth) and the Kafka client, one of each per service process. The store is
 * wrapped so citizens' personal data is sealed on append and opened (or read as erased) on every read.
 */
@Global()
@Module({})
export class MessagingModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ATTACHMENT_STORAGE) private readonly attachmentStorage: AttachmentStorage,
  ) {}

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
        {
          // Its pool connects on first use: services that never touch a file open no connection.
          provide: ATTACHMENT_STORAGE,
          useFactory: (): AttachmentStorage =>
            createAttachmentStorage(config.attachments, config.databaseUrl, `samad-${config.service}`),
        },
        {
          provide: SEALED_ATTACHMENTS,
          inject: [CITIZEN_KEY_VAULT, ATTACHMENT_STORAGE],
          useFactory: (vault: CitizenKeyVault, storage: AttachmentStorage) =>
            new SealedAttachments(vault, storage, config.attachments.maxBytes),
        },
      ],
      exports: [EVENT_STORE, KAFKA, CITIZEN_KEY_VAULT, SEALED_ATTACHMENTS],
    };
  }

  // Runs after every consumer has stopped (Nest shuts modules down in reverse order); closes the vault too.
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    await this.attachmentStorage.close();
  }
}
