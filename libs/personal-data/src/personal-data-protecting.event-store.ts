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
import { randomUUID } from 'node:crypto';
import { erasedCitizen, erasedText } from '@samad/request-lifecycle';
import type { CitizenKeyVault } from './citizen-key.vault';
import { identityOf } from './citizen.digests';
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
/** A signatory added to a collective request later (ADR 27): one citizen, at its own place. */
const SIGNATORY = 'SignatoryAdded';

/** A citizen as stored: a random pseudonym in clear, everything personal sealed under the citizen's key. */
export interface SealedCitizen {
  readonly citizenRef: string;
  readonly sealed: string;
}

/** Free text as stored: sealed under the key of the citizen at citizenIndex (the representative, 0). */
export interface SealedText {
  readonly citizenRef: string;
  readonly citizenIndex: number;
  readonly sealed: string;
}

/** Free text given after the representative was erased: there is no key left to seal it under. */
export interface WithheldText {
  readonly erased: true;
}

/**
 * The free-text fields of each request event: what citizens say (and what is said back to them) often
 * names people, places and illnesses, so it is personal data like the citizen fields (ADR 19).
 */
export const FREE_TEXT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  RequestRegistered: ['description', 'priorityReason'],
  RequestReferredInsideAgency: ['note'],
  RequestReturnedAsNotResponsible: ['reason'],
  RequestAnswered: ['text'],
  FollowUpRecorded: ['note'],
  RequestClosed: ['note'],
  DueTimeSet: ['reason'],
  AnswerRated: ['comment'],
  AnswerObjected: ['reason'],
  ExtensionRequested: ['reason'],
  ExtensionRefused: ['reason'],
  InformationRequested: ['question'],
  InformationSupplied: ['information'],
  DirectiveIssued: ['instruction'],
  DirectiveReported: ['report'],
};

/** Text is sealed under the key of the registration's representative: the citizen who gave it (ADR 19). */
export const TEXT_KEY_CITIZEN_INDEX = 0;

// In clear: with a national code, or without one but with a mobile (a mobile-only citizen, ADR 39). The
// erased shape (every field null) is not plain: there is nothing left to seal.
type PlainCitizen = { readonly nationalCode: string | null; readonly mobile: string } & Record<
  string,
  unknown
>;

const isPlainCitizen = (value: unknown): value is PlainCitizen => {
  if (typeof value !== 'object' || value === null) return false;
  const { nationalCode, mobile } = value as Record<string, unknown>;
  return typeof nationalCode === 'string' || (nationalCode === null && typeof mobile === 'string');
};

const isSealedCitizen = (value: unknown): value is SealedCitizen =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as SealedCitizen).citizenRef === 'string' &&
  isSealedPersonalData((value as SealedCitizen).sealed);

const isSealedText = (value: unknown): value is SealedText =>
  isSealedCitizen(value) && Number.isInteger((value as SealedText).citizenIndex);

const isWithheldText = (value: unknown): value is WithheldText =>
  typeof value === 'object' && value !== null && (value as WithheldText).erased === true;

const textFieldsOf = (type: string): readonly string[] => FREE_TEXT_FIELDS[type] ?? [];

const citizensOf = (data: unknown): readonly unknown[] | undefined => {
  const citizens = (data as { citizens?: unknown } | null)?.citizens;
  return Array.isArray(citizens) ? citizens : undefined;
};

interface CitizenSlot {
  readonly citizenIndex: number;
  readonly value: unknown;
}

// Where an event keeps citizens: a registration's list (the place is the index), or one signatory at its place.
const citizenSlotsOf = (type: string, data: unknown): CitizenSlot[] | undefined => {
  if (type === REGISTERED) return citizensOf(data)?.map((value, citizenIndex) => ({ citizenIndex, value }));
  if (type !== SIGNATORY) return undefined;
  const { citizen, signatoryIndex } = (data ?? {}) as { citizen?: unknown; signatoryIndex?: unknown };
  return citizen !== undefined && Number.isInteger(signatoryIndex)
    ? [{ citizenIndex: signatoryIndex as number, value: citizen }]
    : undefined;
};

const withCitizenValues = (type: string, data: unknown, values: readonly unknown[]): object =>
  type === SIGNATORY
    ? { ...(data as object), citizen: values[0] }
    : { ...(data as object), citizens: values };

// Binds a sealed citizen to its stream, its place in the registration and its key's pseudonym.
const associatedData = (streamId: string, citizenIndex: number, citizenRef: string): string =>
  `samad/personal-data/v1|${streamId}|${citizenIndex}|${citizenRef}`;

// Binds sealed text to its stream, its event, its field and the key's pseudonym: it opens nowhere else.
const textAssociatedData = (streamId: string, eventId: string, field: string, citizenRef: string): string =>
  `samad/personal-data/text/v1|${streamId}|${eventId}|${field}|${citizenRef}`;

/** A stored event as far as sealing is concerned (a recorded event, or a message on the request topic). */
export interface StoredEventData {
  readonly id: string;
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
}

/**
 * The event store as every service sees it: citizens' national code, name and mobile are sealed with the
 * citizen's own key on append, every free text under its representative's key (ADR 19), and opened on read, or read as erased once the key is destroyed. Hashes are
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
    for (const event of events) {
      // Sealed text is bound to its event's id, so the id is fixed here rather than by the store.
      const withId =
        textFieldsOf(event.type).length > 0 && !event.id ? { ...event, id: randomUUID() } : event;
      sealed.push(await this.sealText(streamId, await this.seal(streamId, withId)));
    }
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

  /** The same store without opening anything: events exactly as kept, personal data sealed (for the relay). */
  get asStored(): EventStore {
    return this.inner;
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
    const slots = citizenSlotsOf(event.type, event.data);
    if (!slots?.some((slot) => isPlainCitizen(slot.value))) return event;
    const plain = slots.flatMap(({ citizenIndex, value }) =>
      isPlainCitizen(value) ? [{ citizenIndex, ...identityOf(value) }] : [],
    );
    const keys = new Map(
      (await this.vault.keysForRegistration(streamId, plain)).map((k) => [k.citizenIndex, k]),
    );
    const sealedCitizens = slots.map(({ citizenIndex, value }): unknown => {
      const key = keys.get(citizenIndex);
      if (!key) return value;
      return {
        citizenRef: key.citizenRef,
        sealed: sealPersonalData(
          key.key,
          associatedData(streamId, citizenIndex, key.citizenRef),
          JSON.stringify(value),
        ),
      } satisfies SealedCitizen;
    });
    return { ...event, data: withCitizenValues(event.type, event.data, sealedCitizens) };
  }

  /** Opens the personal data of stored events (or of request-topic messages, which carry them as stored). */
  reveal<E extends StoredEventData>(events: E[]): Promise<E[]> {
    return revealPersonalData(this.vault, events);
  }

  // Text of a registration goes under its representative's key; text of later events under the key the
  // vault linked to the stream's representative. A stream with no such link (written before sealing, or
  // not a request) keeps its text as given, as its registration kept its citizens.
  private async sealText(streamId: string, event: EventToAppend): Promise<EventToAppend> {
    const fields = textFieldsOf(event.type).filter(
      (f) => typeof (event.data as Record<string, unknown>)[f] === 'string',
    );
    if (fields.length === 0) return event;
    const representative =
      event.type === REGISTERED
        ? ((citizensOf(event.data) ?? [])[TEXT_KEY_CITIZEN_INDEX] as SealedCitizen | undefined)
        : await this.vault.citizenRefAt(streamId, TEXT_KEY_CITIZEN_INDEX);
    const citizenRef =
      typeof representative === 'string'
        ? representative
        : isSealedCitizen(representative)
          ? representative.citizenRef
          : undefined;
    if (citizenRef === undefined) return event;
    const key = (await this.vault.dataKeys([citizenRef])).get(citizenRef) ?? null;
    const data = { ...(event.data as Record<string, unknown>) };
    for (const field of fields) {
      data[field] =
        key === null
          ? ({ erased: true } satisfies WithheldText)
          : ({
              citizenRef,
              citizenIndex: TEXT_KEY_CITIZEN_INDEX,
              sealed: sealPersonalData(
                key,
                textAssociatedData(streamId, event.id!, field, citizenRef),
                data[field] as string,
              ),
            } satisfies SealedText);
    }
    return { ...event, data };
  }
}

/**
 * Opens citizens and free text of stored events with the vault's keys: each reads as it was appended, or
 * as erased once its key is destroyed or a PersonalDataErased fact for its citizen is in the same batch.
 * @throws PersonalDataIntegrityError when sealed bytes do not verify
 */
export async function revealPersonalData<E extends StoredEventData>(
  vault: CitizenKeyVault,
  events: E[],
): Promise<E[]> {
  // An erasure fact read in the same batch wins even over a key another process still has in memory.
  const erasedHere = new Set<string>();
  const refs: string[] = [];
  for (const event of events) {
    if (event.type === ERASED) {
      erasedHere.add(`${event.streamId}#${(event.data as { citizenIndex?: unknown }).citizenIndex}`);
      continue;
    }
    for (const { value } of citizenSlotsOf(event.type, event.data) ?? []) {
      if (isSealedCitizen(value)) refs.push(value.citizenRef);
    }
    for (const field of textFieldsOf(event.type)) {
      const text = (event.data as Record<string, unknown> | null)?.[field];
      if (isSealedText(text)) refs.push(text.citizenRef);
    }
  }
  const hasWithheld = events.some((e) =>
    textFieldsOf(e.type).some((f) => isWithheldText((e.data as Record<string, unknown> | null)?.[f])),
  );
  if (refs.length === 0 && !hasWithheld) return events;
  const keys = refs.length === 0 ? new Map<string, Buffer | null>() : await vault.dataKeys(refs);
  const keyFor = (streamId: string, citizenIndex: number, citizenRef: string): Buffer | null =>
    erasedHere.has(`${streamId}#${citizenIndex}`) ? null : (keys.get(citizenRef) ?? null);
  return events.map((event) => {
    const fields = textFieldsOf(event.type);
    const slots = citizenSlotsOf(event.type, event.data);
    const sealedCitizens = slots?.some((slot) => isSealedCitizen(slot.value)) === true;
    if (!sealedCitizens && fields.length === 0) return event;
    let data: Record<string, unknown> = { ...(event.data as Record<string, unknown>) };
    if (slots && sealedCitizens) {
      const opened = slots.map(({ citizenIndex, value }): unknown => {
        if (!isSealedCitizen(value)) return value;
        const key = keyFor(event.streamId, citizenIndex, value.citizenRef);
        if (key === null) return { ...erasedCitizen };
        return JSON.parse(
          openPersonalData(key, associatedData(event.streamId, citizenIndex, value.citizenRef), value.sealed),
        ) as unknown;
      });
      data = withCitizenValues(event.type, data, opened) as Record<string, unknown>;
    }
    for (const field of fields) {
      const text = data[field];
      if (isWithheldText(text)) data[field] = erasedText;
      if (!isSealedText(text)) continue;
      const key = keyFor(event.streamId, text.citizenIndex, text.citizenRef);
      data[field] =
        key === null
          ? erasedText
          : openPersonalData(
              key,
              textAssociatedData(event.streamId, event.id, field, text.citizenRef),
              text.sealed,
            );
    }
    return { ...event, data };
  });
}

/** The store as kept: what a protecting store wraps, or the store itself. Whatever reads it sees sealed bytes. */
export const storedFormOf = (store: EventStore): EventStore =>
  store instanceof PersonalDataProtectingEventStore ? store.asStored : store;
