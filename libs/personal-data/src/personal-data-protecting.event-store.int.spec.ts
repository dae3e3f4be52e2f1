// The protecting store and the key vault on a real PostgreSQL (a database of their own, fresh per run).
import { randomInt } from 'node:crypto';
import { Client } from 'pg';
import {
  createEventStore,
  runEventStoreMigrations,
  silentLogger,
  type EventStore,
  type RecordedEvent,
} from '@samad/event-store';
import {
  decide,
  initialState,
  nationalCodeCheckDigit,
  requestStreamName,
  trackingCodeFromNumber,
  erasedText,
  type CitizenInput,
} from '@samad/request-lifecycle';
import { CitizenKeyVault } from './citizen-key.vault';
import { PersonalDataIntegrityError } from './personal-data.cipher';
import { derivePersonalDataKeys } from './personal-data.secret';
import { FREE_TEXT_FIELDS, PersonalDataProtectingEventStore } from './personal-data-protecting.event-store';
import { runPersonalDataMigrations } from './run-personal-data-migrations';
import { readAllOnce } from '../../../test/support/read-all';

const databaseUrl = (() => {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/samad_test');
  url.pathname = `${url.pathname}_personal_data`;
  return url.toString();
})();

async function freshDatabase(): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

const keys = derivePersonalDataKeys('integration-test-secret-of-at-least-32-characters');
const digits = (n: number): string => Array.from({ length: n }, () => randomInt(10)).join('');
const nationalCode = (): string => {
  const nine = digits(9);
  return `${nine}${nationalCodeCheckDigit(nine)}`;
};
const person = (fullName = 'زهرا کریمی'): CitizenInput & { nationalCode: string; mobile: string } => ({
  nationalCode: nationalCode(),
  fullName,
  mobile: `09${digits(9)}`,
});
const newCode = (): string => trackingCodeFromNumber(100_000_000 + randomInt(800_000_000));

/** Appends a registration decided by the domain, as intake does. */
async function register(
  store: EventStore,
  citizens: CitizenInput[],
  trackingCode = newCode(),
  description = 'قطعی آب در محله',
  channel: 'phone' | 'web' = 'phone',
): Promise<string> {
  const events = decide(
    {
      type: 'RegisterRequest',
      data: {
        trackingCode,
        now: new Date(),
        kind: 'complaint',
        channel,
        collective: citizens.length > 1,
        citizens,
        countyCode: 'MIN',
        categoryCode: 'WAT-CUT',
        description,
        registeredBy: 'operator-7',
      },
    },
    initialState(),
  );
  await store.appendToStream(requestStreamName(trackingCode), events, { expectedRevision: 'no_stream' });
  return trackingCode;
}

const citizensOf = (event: RecordedEvent): Record<string, unknown>[] =>
  (event.data as { citizens: Record<string, unknown>[] }).citizens;

const erased = { erased: true, nationalCode: null, fullName: null, mobile: null };

/** The stored events as `$all` gives them, once it holds them all (test/support/read-all.ts says why it waits). */
const readAllOf = async (store: EventStore, stored: RecordedEvent[]): Promise<RecordedEvent[]> => {
  const ids = new Set(stored.map((e) => e.id));
  const all = await readAllOnce(store, `${stored[0].streamId} in $all`, (read) =>
    [...ids].every((id) => read.some((e) => e.id === id)),
  );
  return all.filter((e) => ids.has(e.id));
};

describe('personal data sealed per citizen in the event store (PostgreSQL)', () => {
  let raw: EventStore;
  let vault: CitizenKeyVault;
  let store: PersonalDataProtectingEventStore;
  let sql: Client;
  const opened: { close(): Promise<void> }[] = [];

  const protectedStore = (options: { keyCacheMs?: number } = {}) => {
    const extraVault = new CitizenKeyVault({ connectionString: databaseUrl, keys, ...options });
    const extra = new PersonalDataProtectingEventStore(
      createEventStore({ kind: 'postgres', connectionString: databaseUrl, logger: silentLogger }),
      extraVault,
    );
    opened.push(extra);
    return { store: extra, vault: extraVault };
  };

  beforeAll(async () => {
    await freshDatabase();
    await runEventStoreMigrations(databaseUrl);
    expect((await runPersonalDataMigrations(databaseUrl)).applied).toEqual([
      'CreatePersonalData1764600000000',
      'CitizenStreamsByStream1765100000000',
      'CreateAttachments1766400200000',
    ]);
    expect((await runPersonalDataMigrations(databaseUrl)).applied).toEqual([]);
    raw = createEventStore({ kind: 'postgres', connectionString: databaseUrl, logger: silentLogger });
    ({ store, vault } = protectedStore());
    sql = new Client({ connectionString: databaseUrl });
    await sql.connect();
  });

  afterAll(async () => {
    for (const s of opened) await s.close();
    await raw?.close();
    await sql?.end();
  });

  it('seals national code, name and mobile at rest and opens them on every read path', async () => {
    const citizens = [person('زهرا کریمی'), person('علی رئیسی')];
    const code = await register(store, citizens);
    const streamId = requestStreamName(code);

    const [stored] = await raw.readStream(streamId);
    const storedText = JSON.stringify(stored.data);
    for (const c of citizens) {
      for (const value of [c.nationalCode, c.fullName, c.mobile]) expect(storedText).not.toContain(value);
    }
    expect(citizensOf(stored)).toEqual([
      { citizenRef: expect.stringMatching(/^[0-9a-f-]{36}$/), sealed: expect.stringMatching(/^pd1\./) },
      { citizenRef: expect.stringMatching(/^[0-9a-f-]{36}$/), sealed: expect.stringMatching(/^pd1\./) },
    ]);
    expect(stored.data).toMatchObject({ categoryCode: 'WAT-CUT', countyCode: 'MIN', trackingCode: code });

    const [read] = await store.readStream(streamId);
    expect(citizensOf(read)).toEqual(citizens);
    expect((await readAllOf(store, [stored]))[0].data).toEqual(read.data);

    const pushed = await new Promise<RecordedEvent>((resolve) => {
      const subscription = store.subscribeToAll({
        onEvent: async (event) => {
          if (event.id !== stored.id) return;
          resolve(event);
          void subscription.stop();
        },
      });
    });
    expect(pushed.data).toEqual(read.data);
    const iterated = store.subscribeToAll();
    for await (const event of iterated) {
      if (event.id !== stored.id) continue;
      expect(event.data).toEqual(read.data);
      break;
    }
    await iterated.stop();
    expect(await store.verifyAll()).toMatchObject({ ok: true });
  });

  it('erases a citizen from every request by destroying one key: events, hashes and others untouched', async () => {
    const zahra = person('زهرا کریمی');
    const ali = person('علی رئیسی');
    const first = await register(store, [zahra]);
    const second = await register(store, [ali, zahra]);
    const before = [
      ...(await raw.readStream(requestStreamName(first))),
      ...(await raw.readStream(requestStreamName(second))),
    ];
    expect(citizensOf(before[0])[0].citizenRef).toBe(citizensOf(before[1])[1].citizenRef); // one key per citizen

    const erasure = await vault.erase(zahra.nationalCode);
    expect(erasure.citizenRefs).toEqual([citizensOf(before[0])[0].citizenRef]);
    expect(erasure.links.map((l) => [l.streamId, l.citizenIndex]).sort()).toEqual(
      [
        [requestStreamName(first), 0],
        [requestStreamName(second), 1],
      ].sort(),
    );

    // A reader in another process with nothing cached sees the erasure at once.
    const { store: elsewhere } = protectedStore();
    for (const reader of [store, elsewhere]) {
      expect(citizensOf((await reader.readStream(requestStreamName(first)))[0])).toEqual([erased]);
      expect(citizensOf((await reader.readStream(requestStreamName(second)))[0])).toEqual([ali, erased]);
    }
    const after = [
      ...(await raw.readStream(requestStreamName(first))),
      ...(await raw.readStream(requestStreamName(second))),
    ];
    expect(after.map((e) => [e.data, e.hash])).toEqual(before.map((e) => [e.data, e.hash]));
    expect(await raw.verifyAll()).toMatchObject({ ok: true });

    // Registered again later, the citizen is a new data subject with a new key.
    const again = await register(store, [zahra]);
    const [stored] = await raw.readStream(requestStreamName(again));
    expect(citizensOf(stored)[0].citizenRef).not.toBe(erasure.citizenRefs[0]);
    expect(citizensOf((await store.readStream(requestStreamName(again)))[0])).toEqual([zahra]);
  });

  it('seals a mobile-only citizen under a key of their own, found and erased by the mobile (ADR 39)', async () => {
    const withCode = person('رضا احمدی');
    const byMobile = { nationalCode: null, fullName: 'سارا احمدی', mobile: withCode.mobile };
    const online = await register(store, [byMobile], newCode(), 'فشار آب کم است', 'web');
    const again = await register(store, [byMobile], newCode(), 'هنوز فشار آب کم است', 'web');
    const desk = await register(store, [withCode]);
    const [stored] = await raw.readStream(requestStreamName(online));
    expect(JSON.stringify(stored.data)).not.toContain(byMobile.mobile);
    const ref = citizensOf(stored)[0].citizenRef;
    expect(ref).toEqual(expect.any(String));
    // One key for the same mobile-only citizen; another for whoever has a national code, same mobile or not.
    expect(citizensOf((await raw.readStream(requestStreamName(again)))[0])[0].citizenRef).toBe(ref);
    expect(citizensOf((await raw.readStream(requestStreamName(desk)))[0])[0].citizenRef).not.toBe(ref);
    expect(citizensOf((await store.readStream(requestStreamName(online)))[0])).toEqual([byMobile]);

    // Erasing the national code holder does not touch the mobile-only citizen, nor the other way round.
    expect((await vault.erase({ mobile: byMobile.mobile })).links.map((l) => l.streamId).sort()).toEqual(
      [requestStreamName(online), requestStreamName(again)].sort(),
    );
    expect(citizensOf((await store.readStream(requestStreamName(online)))[0])).toEqual([erased]);
    expect(citizensOf((await store.readStream(requestStreamName(desk)))[0])).toEqual([withCode]);
    expect((await vault.erase(withCode.nationalCode)).links.map((l) => l.streamId)).toEqual([
      requestStreamName(desk),
    ]);
    expect(await raw.verifyAll()).toMatchObject({ ok: true });
  });

  it('repeats an unfinished erasure with the same answer, and knows nothing once it is complete', async () => {
    const citizen = person();
    const code = await register(store, [citizen]);
    const first = await vault.erase(citizen.nationalCode);
    const repeat = await vault.erase(citizen.nationalCode);
    expect(repeat).toEqual(first);
    expect(first.links).toEqual([
      expect.objectContaining({
        streamId: requestStreamName(code),
        citizenIndex: 0,
        erasedAt: first.erasedAt,
      }),
    ]);
    await vault.completeErasure(first.citizenRefs);
    expect(await vault.erase(citizen.nationalCode)).toEqual({ citizenRefs: [], links: [] });
    // Nothing in the vault leads from the national code to the pseudonym any more.
    const { rows } = await sql.query(
      `SELECT lookup_digest, data_key FROM personal_data.citizen_keys WHERE citizen_ref = $1`,
      [first.citizenRefs[0]],
    );
    expect(rows).toEqual([{ lookup_digest: null, data_key: null }]);
  });

  it('lets an erasure fact read with the registration win over a key another process still caches', async () => {
    const citizen = person();
    const code = await register(store, [citizen]);
    const streamId = requestStreamName(code);
    const { store: cachingReader } = protectedStore({ keyCacheMs: 60_000 });
    expect(citizensOf((await cachingReader.readStream(streamId))[0])).toEqual([citizen]);

    await vault.erase(citizen.nationalCode);
    // Within its cache time that reader could still open the registration alone (the documented bound)...
    expect(citizensOf((await cachingReader.readStream(streamId))[0])).toEqual([citizen]);
    // ...but not once the erasure is recorded in the stream.
    await raw.appendToStream(streamId, [
      {
        type: 'PersonalDataErased',
        data: { trackingCode: code, citizenIndex: 0, at: new Date().toISOString() },
      },
    ]);
    expect(citizensOf((await cachingReader.readStream(streamId))[0])).toEqual([erased]);
  });

  it('never hands out a key that an erasure running at the same moment destroys without seeing it', async () => {
    for (let round = 0; round < 25; round++) {
      const citizen = person();
      await register(store, [citizen]);
      const streamId = requestStreamName(newCode());
      const [registration, erasure] = await Promise.all([
        vault.keysForRegistration(streamId, [{ citizenIndex: 0, nationalCode: citizen.nationalCode }]),
        vault.erase(citizen.nationalCode),
      ]);
      const [{ citizenRef }] = registration;
      const { rows } = await sql.query(
        `SELECT data_key IS NULL AS destroyed FROM personal_data.citizen_keys WHERE citizen_ref = $1`,
        [citizenRef],
      );
      if (rows[0].destroyed) {
        // The erasure destroyed the key this registration got, so it must know where it was used.
        expect(erasure.links).toContainEqual(
          expect.objectContaining({ citizenRef, streamId, citizenIndex: 0 }),
        );
      } else {
        expect(erasure.citizenRefs).not.toContain(citizenRef);
      }
    }
  });

  it('fails loudly on tampered personal data, which the hash chain also reports', async () => {
    const code = await register(store, [person()]);
    const streamId = requestStreamName(code);
    const [stored] = await raw.readStream(streamId);
    const [sealedCitizen] = citizensOf(stored);
    const [version, iv, ct, tag] = String(sealedCitizen.sealed).split('.');
    const flipped = Buffer.from(ct, 'base64url');
    flipped[0] ^= 0x01;
    const tampered = [version, iv, flipped.toString('base64url'), tag].join('.');
    await sql.query(`UPDATE event_store.events SET data = $2::jsonb WHERE stream_id = $1`, [
      streamId,
      JSON.stringify({ ...(stored.data as object), citizens: [{ ...sealedCitizen, sealed: tampered }] }),
    ]);
    await expect(store.readStream(streamId)).rejects.toThrow(PersonalDataIntegrityError);
    expect(await raw.verifyStream(streamId)).toMatchObject({
      ok: false,
      brokenLink: { reason: 'hash_mismatch' },
    });
    await sql.query(`DELETE FROM event_store.events WHERE stream_id = $1`, [streamId]);
    await sql.query(`DELETE FROM event_store.streams WHERE stream_id = $1`, [streamId]);
  });

  it('passes events written before protection (plain citizens) through unchanged', async () => {
    const citizen = person();
    const code = await register(raw, [citizen]);
    expect(citizensOf((await store.readStream(requestStreamName(code)))[0])).toEqual([citizen]);
    expect(await vault.erase(citizen.nationalCode)).toEqual({ citizenRefs: [], links: [] });
  });

  describe('free text (ADR 19)', () => {
    const at = () => new Date().toISOString();
    const texts = {
      description: 'همسایه‌ام آقای تهرانی بیمار است و آب نداریم',
      note: 'پیگیری: خانم کریمی، کوچه ۱۲',
      answer: 'لوله ترمیم شد؛ با آقای تهرانی تماس گرفتیم',
      reason: 'این محله زیر پوشش شهرداری میناب است',
    };
    /** A registration and one event of every kind with free text, appended as the services append them. */
    async function requestWithTexts(target: EventStore, citizens: CitizenInput[]): Promise<string> {
      const code = await register(target, citizens, newCode(), texts.description);
      await target.appendToStream(requestStreamName(code), [
        {
          type: 'FollowUpRecorded',
          data: { trackingCode: code, note: texts.note, channel: 'phone', at: at() },
        },
        {
          type: 'RequestReferredInsideAgency',
          data: { trackingCode: code, agencyCode: 'ABFA', unit: 'minab', note: texts.note, at: at() },
        },
        {
          type: 'RequestReturnedAsNotResponsible',
          data: { trackingCode: code, agencyCode: 'ABFA', reason: texts.reason, at: at() },
        },
        {
          type: 'RequestAnswered',
          data: {
            trackingCode: code,
            agencyCode: 'SHAHR',
            outcome: 'positive',
            text: texts.answer,
            answeredAt: at(),
          },
        },
        {
          type: 'RequestClosed',
          data: { trackingCode: code, reason: 'answered', note: texts.note, at: at() },
        },
      ]);
      return code;
    }
    const textsOf = (events: RecordedEvent[]): unknown[] =>
      events.flatMap((e) =>
        // Optional texts (a priority's reason) count only where the event has them.
        (FREE_TEXT_FIELDS[e.type] ?? [])
          .filter((field) => field in (e.data as object))
          .map((field) => (e.data as Record<string, unknown>)[field]),
      );
    const allTexts = [texts.description, texts.note, texts.note, texts.reason, texts.answer, texts.note];

    it('seals every free text under the representative’s key and opens it on read', async () => {
      const [representative, cosigner] = [person(), person()];
      const code = await requestWithTexts(store, [representative, cosigner]);
      const streamId = requestStreamName(code);

      const stored = await raw.readStream(streamId);
      const storedJson = JSON.stringify(stored.map((e) => e.data));
      for (const text of Object.values(texts)) expect(storedJson).not.toContain(text);
      const representativeRef = citizensOf(stored[0])[0].citizenRef;
      for (const text of textsOf(stored)) {
        expect(text).toEqual({
          citizenRef: representativeRef,
          citizenIndex: 0,
          sealed: expect.stringMatching(/^pd1\./),
        });
      }

      expect(textsOf(await store.readStream(streamId))).toEqual(allTexts);
      const { store: elsewhere } = protectedStore();
      expect(textsOf(await readAllOf(elsewhere, stored))).toEqual(allTexts);
      expect(await store.verifyAll()).toMatchObject({ ok: true });
    });

    it('keeps the texts when a co-signatory is erased and loses all of them with the representative', async () => {
      const [representative, cosigner] = [person(), person()];
      const code = await requestWithTexts(store, [representative, cosigner]);
      const streamId = requestStreamName(code);
      const before = await raw.readStream(streamId);

      await vault.erase(cosigner.nationalCode);
      const afterCosigner = await protectedStore().store.readStream(streamId);
      expect(citizensOf(afterCosigner[0])).toEqual([representative, erased]);
      expect(textsOf(afterCosigner)).toEqual(allTexts);

      await vault.erase(representative.nationalCode);
      const afterRepresentative = await protectedStore().store.readStream(streamId);
      expect(citizensOf(afterRepresentative[0])).toEqual([erased, erased]);
      expect(textsOf(afterRepresentative)).toEqual(allTexts.map(() => erasedText));

      // Text given after that has no key to be sealed under: it is not kept at all.
      await store.appendToStream(streamId, [
        {
          type: 'FollowUpRecorded',
          data: { trackingCode: code, note: texts.note, channel: 'phone', at: at() },
        },
      ]);
      const [late] = await raw.readStream(streamId, { fromRevision: BigInt(before.length) });
      expect((late.data as { note: unknown }).note).toEqual({ erased: true });
      expect((await store.readStream(streamId)).at(-1)?.data).toMatchObject({ note: erasedText });

      // The events never changed, so every chain still verifies.
      const after = await raw.readStream(streamId, { maxCount: before.length });
      expect(after.map((e) => [e.data, e.hash])).toEqual(before.map((e) => [e.data, e.hash]));
      expect(await store.verifyAll()).toMatchObject({ ok: true });
    });

    it('lets an erasure fact of the representative read in the same batch erase the texts at once', async () => {
      const representative = person();
      const code = await requestWithTexts(store, [representative]);
      const streamId = requestStreamName(code);
      const { store: cachingReader } = protectedStore({ keyCacheMs: 60_000 });
      expect(textsOf(await cachingReader.readStream(streamId))).toEqual(allTexts);
      await vault.erase(representative.nationalCode);
      await raw.appendToStream(streamId, [
        { type: 'PersonalDataErased', data: { trackingCode: code, citizenIndex: 0, at: at() } },
      ]);
      expect(textsOf(await cachingReader.readStream(streamId))).toEqual(allTexts.map(() => erasedText));
    });

    it('does not open sealed text moved to another event', async () => {
      const code = await requestWithTexts(store, [person()]);
      const streamId = requestStreamName(code);
      const stored = await raw.readStream(streamId);
      const description = (stored[0].data as { description: unknown }).description;
      const other = requestStreamName(newCode());
      await raw.appendToStream(other, [
        {
          type: 'FollowUpRecorded',
          data: { trackingCode: code, note: description, channel: 'phone', at: at() },
        },
      ]);
      await expect(store.readStream(other)).rejects.toThrow(PersonalDataIntegrityError);
    });

    it('reads text written before sealing existed as it was written', async () => {
      const code = await requestWithTexts(raw, [person()]);
      expect(textsOf(await store.readStream(requestStreamName(code)))).toEqual(allTexts);
      // A later event on such a stream has no representative key to use: kept as given, like its registration.
      await store.appendToStream(requestStreamName(code), [
        {
          type: 'FollowUpRecorded',
          data: { trackingCode: code, note: texts.note, channel: 'phone', at: at() },
        },
      ]);
      expect((await raw.readStream(requestStreamName(code))).at(-1)?.data).toMatchObject({
        note: texts.note,
      });
    });
  });
});
