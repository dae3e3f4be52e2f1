import type {
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  VerificationResult,
} from '@samad/event-store';
import { erasedCitizen } from '@samad/request-lifecycle';
import type { CitizenKeyVault } from './citizen-key.vault';
import {
  PersonalDataIntegrityError,
  isSealedPersonalData,
  openPersonalData,
  sealPersonalData,
} from './personal-data.cipher';

/** Metadata key set on a subscribed event whose personal data would not open; its data stays sealed. */
export const UNREADABLE_PERSONAL_DATA = 'unreadablePersonalData';

// The event types whose data holds citizens' personal data, and the fact that erases one of them.
const REGISTERED = 'RequestRegistered';
const ERASED = 'PersonalDataErased';

/** A citizen as stored: a random pseudonym in clear, everything personal sealed under the citizen's key. */
export interface SealedCitizen {
  readonly citizenRef: string;
  readonly sealed: string;
}

type PlainCitizen = { readonly nationalCode: string } & Record<string, unknown>;

const isPlainCitizen = (value: unknown): value is PlainCitizen =>
  typeof value === 'object' && value !== null && typeof (value as PlainCitizen).nationalCode === 'string';

const isSealedCitizen = (value: unknown): value is SealedCitizen =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as SealedCitizen).citizenRef === 'string' &&
  isSealedPersonalData((value as SealedCitizen).sealed);

const citizensOf = (data: unknown): readonly unknown[] | undefined => {
  const citizens = (data as { citizens?: unknown } | null)?.citizens;
  return Array.isArray(citizens) ? citizens : undefined;
};

// Binds a sealed citizen to its stream, its place in the registration and its key's pseudonym.
const associatedData = (streamId: string, citizenIndex: number, citizenRef: string): string =>
  `samad/personal-data/v1|${streamId}|${citizenIndex}|${citizenRef}`;

/**
 * The event store as every service sees it: citizens' national code, name and mobile are sealed with the
 * citizen's own key on append and opened on read, or read as erased once the key is destroyed. Hashes are
 * computed by the store over the sealed bytes, so erasure never breaks a chain. Events written before this
 * existed (plain citizens) pass through unchanged.
 */
export class PersonalDataProtectingEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly vault: CitizenKeyVault,
  ) {}

  async appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    const sealed: EventToAppend[] = [];
    for (const event of events) sealed.push(await this.seal(streamId, event));
    return this.inner.appendToStream(streamId, sealed, options);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.reveal(await this.inner.readStream(streamId, options));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.reveal(await this.inner.readAll(options));
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    // One stored event that will not open must not stop the subscription for ever: it goes on, marked.
    const revealOne = async (event: RecordedEvent): Promise<RecordedEvent> => {
      try {
        return (await this.reveal([event]))[0];
      } catch (error) {
        if (!(error instanceof PersonalDataIntegrityError)) throw error; // e.g. the vault is away: retry
        return { ...event, metadata: { ...event.metadata, [UNREADABLE_PERSONAL_DATA]: error.message } };
      }
    };
    const { onEvent } = options;
    if (onEvent) {
      return this.inner.subscribeToAll({
        ...options,
        onEvent: async (event) => onEvent(await revealOne(event)),
      });
    }
    const inner = this.inner.subscribeToAll(options);
    return {
      stop: () => inner.stop(),
      done: inner.done,
      async *[Symbol.asyncIterator]() {
        for await (const event of inner) yield await revealOne(event);
      },
    };
  }

  verifyStream(streamId: string): Promise<VerificationResult> {
    return this.inner.verifyStream(streamId);
  }

  verifyAll(): Promise<VerificationResult> {
    return this.inner.verifyAll();
  }

  async close(): Promise<void> {
    try {
      await this.inner.close();
    } finally {
      await this.vault.close();
    }
  }

  private async seal(streamId: string, event: EventToAppend): Promise<EventToAppend> {
    const citizens = event.type === REGISTERED ? citizensOf(event.data) : undefined;
    if (!citizens?.some(isPlainCitizen)) return event;
    const plain = citizens.flatMap((citizen, citizenIndex) =>
      isPlainCitizen(citizen) ? [{ citizenIndex, nationalCode: citizen.nationalCode }] : [],
    );
    const keys = new Map(
      (await this.vault.keysForRegistration(streamId, plain)).map((k) => [k.citizenIndex, k]),
    );
    const sealedCitizens = citizens.map((citizen, citizenIndex): unknown => {
      const key = keys.get(citizenIndex);
      if (!key) return citizen;
      return {
        citizenRef: key.citizenRef,
        sealed: sealPersonalData(
          key.key,
          associatedData(streamId, citizenIndex, key.citizenRef),
          JSON.stringify(citizen),
        ),
      } satisfies SealedCitizen;
    });
    return { ...event, data: { ...(event.data as object), citizens: sealedCitizens } };
  }

  private async reveal(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    // An erasure fact read in the same batch wins even over a key another process still has in memory.
    const erasedHere = new Set<string>();
    const refs: string[] = [];
    for (const event of events) {
      if (event.type === ERASED) {
        erasedHere.add(`${event.streamId}#${(event.data as { citizenIndex?: unknown }).citizenIndex}`);
      } else if (event.type === REGISTERED) {
        for (const citizen of citizensOf(event.data) ?? []) {
          if (isSealedCitizen(citizen)) refs.push(citizen.citizenRef);
        }
      }
    }
    if (refs.length === 0) return events;
    const keys = await this.vault.dataKeys(refs);
    return events.map((event) => {
      const citizens = event.type === REGISTERED ? citizensOf(event.data) : undefined;
      if (!citizens?.some(isSealedCitizen)) return event;
      const opened = citizens.map((citizen, citizenIndex): unknown => {
        if (!isSealedCitizen(citizen)) return citizen;
        const key = keys.get(citizen.citizenRef) ?? null;
        if (key === null || erasedHere.has(`${event.streamId}#${citizenIndex}`)) return { ...erasedCitizen };
        return JSON.parse(
          openPersonalData(
            key,
            associatedData(event.streamId, citizenIndex, citizen.citizenRef),
            citizen.sealed,
          ),
        ) as unknown;
      });
      return { ...event, data: { ...(event.data as object), citizens: opened } };
    });
  }
}
