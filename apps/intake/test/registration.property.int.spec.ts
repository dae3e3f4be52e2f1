// Registration under arbitrary input, over real HTTP on the real database: every answer is 201 or 400,
// never a 500, and a 400 leaves nothing behind in the event store.
import fc from 'fast-check';
import { Client } from 'pg';
import { runPersonalDataMigrations } from '@samad/personal-data';
import { nationalCodeCheckDigit, toPersianDigits } from '@samad/request-lifecycle';
import { bearer } from '../../../test/support/auth';
import { testEnv } from '../../../test/support/environment';
import { startIntake, type IntakeUnderTest } from './intake-test-kit';

// What breaks naive systems: NUL and control characters, lone surrogates, bidi overrides, ZWNJ, Arabic
// letters and Persian/Arabic-Indic digits, emoji sequences, quotes, markup and SQL, prototype keys.
const nasty = [
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\ud800',
  '\udfff',
  '\u200c',
  '\u202e',
  '\ufeff',
  '🙂',
  '👨‍👩‍👧',
  'ي',
  'ك',
  '۰۹۱۷',
  '٠٤٩٩',
  '\r\n',
  '\t',
  ' ',
  '"',
  '\\',
  '<script>alert(1)</script>',
  "'; DROP TABLE intake.request_index; --",
  '${process.env}',
  '__proto__',
  'constructor',
];

const text: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc
    .array(fc.oneof(fc.constantFrom(...nasty), fc.string({ maxLength: 4 })), { maxLength: 8 })
    .map((parts) => parts.join('')),
  fc.string({ minLength: 3990, maxLength: 4010 }),
);

// Any JSON-ish value, nested a few levels.
const junk: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(text, fc.constantFrom('__proto__', 'constructor', 'nationalCode')), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;

const digits = (count: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: count, maxLength: count });

// A valid national code and mobile, typed the ways operators type them.
const typed = (value: string) =>
  fc.constantFrom(
    value,
    toPersianDigits(value),
    `${value.slice(0, 3)}-${value.slice(3)}`,
    ` ${toPersianDigits(value.slice(0, 4))} ${value.slice(4)} `,
  );
const nationalCode = digits(9)
  .map((nine) => `${nine.join('')}${nationalCodeCheckDigit(nine.join(''))}`)
  .filter((code) => !/^(\d)\1{9}$/.test(code))
  .chain(typed);
const mobile = digits(9)
  .map((nine) => `09${nine.join('')}`)
  .chain((m) => fc.oneof(typed(m), fc.constant(`+98${m.slice(1)}`)));
const fullName = fc.oneof(
  fc.constantFrom('زهرا كريمي', 'علی رئیسی', 'مهدی\u200cپور', 'Ali Raeisi'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
);
const citizen = fc.record({ nationalCode, fullName, mobile });

const validBody = fc
  .record({
    channel: fc.constantFrom('phone', 'desk', 'trip_letter', 'web'),
    kind: fc.constantFrom('request', 'complaint', 'demand'),
    collective: fc.boolean(),
    citizens: fc.array(citizen, { minLength: 1, maxLength: 4 }),
    countyCode: fc.constantFrom('MIN', 'BND', 'QSM', 'JSK'),
    categoryCode: fc.constantFrom('WAT-CUT', 'PWR-CUT', 'MUN-WASTE', 'GEN-OTHER'),
    description: fc.oneof(
      fc.constant('قطعی آب در محله از سه روز پیش'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }),
    ),
  })
  .map((body) => ({ ...body, collective: body.citizens.length > 1 ? true : body.collective }));

const fields = ['channel', 'kind', 'collective', 'citizens', 'countyCode', 'categoryCode', 'description'];

// Text that passes the type checks but holds the nasty characters, where the value would be stored.
const storableLooking = fc
  .tuple(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }),
    fc.array(fc.constantFrom(...nasty), { minLength: 1, maxLength: 4 }),
  )
  .map(([letters, pieces]) => `${letters}${pieces.join('')}${letters}`);

type Mutation =
  | { readonly op: 'replace' | 'add'; readonly field: string; readonly value: unknown }
  | { readonly op: 'delete'; readonly field: string }
  | { readonly op: 'citizen'; readonly index: number; readonly field: string; readonly value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('replace' as const), field: fc.constantFrom(...fields), value: junk }),
  fc.record({
    op: fc.constant('replace' as const),
    field: fc.constant('description'),
    value: storableLooking,
  }),
  fc.record({
    op: fc.constant('citizen' as const),
    index: fc.constant(0),
    field: fc.constant('fullName'),
    value: storableLooking,
  }),
  fc.record({ op: fc.constant('delete' as const), field: fc.constantFrom(...fields) }),
  fc.record({
    op: fc.constant('add' as const),
    field: fc.oneof(text, fc.constant('__proto__')),
    value: junk,
  }),
  fc.record({
    op: fc.constant('citizen' as const),
    index: fc.nat(5),
    field: fc.constantFrom('nationalCode', 'fullName', 'mobile', 'extra'),
    value: junk,
  }),
);

const mutate = (body: Record<string, unknown>, mutations: readonly Mutation[]): Record<string, unknown> => {
  const result: Record<string, unknown> = structuredClone(body);
  for (const m of mutations) {
    if (m.op === 'delete') delete result[m.field];
    else if (m.op === 'citizen') {
      const list = Array.isArray(result.citizens) ? [...(result.citizens as unknown[])] : [];
      const target = list[m.index];
      list[m.index] =
        typeof target === 'object' && target !== null ? { ...target, [m.field]: m.value } : m.value;
      result.citizens = list;
    } else
      Object.defineProperty(result, m.field, {
        value: m.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return result;
};

/** The exact bytes sent, so invalid JSON and odd top-level values reach the server too. */
const requestBody: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: validBody.map((body) => JSON.stringify(body)) },
  {
    weight: 5,
    arbitrary: fc
      .tuple(validBody, fc.array(mutation, { minLength: 1, maxLength: 3 }))
      .map(([body, mutations]) => JSON.stringify(mutate(body, mutations))),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(validBody, fc.integer({ min: 50, max: 600 })).map(([body, count]) =>
      JSON.stringify({
        ...body,
        collective: true,
        citizens: Array.from({ length: count }, () => body.citizens[0]),
      }),
    ),
  },
  { weight: 1, arbitrary: junk.map((value) => JSON.stringify(value) ?? 'null') },
  { weight: 1, arbitrary: text },
);

const BODY_LIMIT = 60 * 1024; // under the service's 64 kB body limit: this is about what it accepts

describe('registration under arbitrary input (property)', () => {
  let intake: IntakeUnderTest;
  let sql: Client;
  let auth: Record<string, string>;

  beforeAll(async () => {
    await runPersonalDataMigrations(testEnv.databaseUrl); // until scripts/prepare.ts runs it
    intake = await startIntake();
    sql = new Client({ connectionString: testEnv.databaseUrl });
    await sql.connect();
    auth = await bearer('operator');
  });

  afterAll(async () => {
    await sql?.end();
    await intake?.close();
  });

  // Straight from the table: readAll may hold back a just-committed event behind an older open transaction.
  const eventCount = async (): Promise<number> => {
    const { rows } = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM event_store.events');
    return rows[0].n;
  };

  it('answers 201 or 400, never 500; a 400 stores nothing and a 201 exactly one event', async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        requestBody.filter((body) => Buffer.byteLength(body, 'utf8') <= BODY_LIMIT),
        async (body) => {
          const before = await eventCount();
          const res = await fetch(`${intake.baseUrl}/api/requests`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...auth },
            body,
          });
          const answer = await res.text();
          seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
          if (res.status !== 201 && res.status !== 400) {
            throw new Error(`answered ${res.status}: ${answer.slice(0, 500)}`);
          }
          const after = await eventCount();
          if (res.status === 400) {
            expect(res.headers.get('content-type')).toContain('application/problem+json');
            // Problem Details naming the bad fields, unless the body was not JSON at all.
            const problem = JSON.parse(answer) as { code: string; errors?: { field: string }[] };
            if (problem.code !== 'MALFORMED_REQUEST') {
              expect(problem.errors?.length).toBeGreaterThan(0);
            }
            expect(after).toBe(before);
          } else {
            expect(after).toBe(before + 1);
          }
        },
      ),
      // SAMAD_PROPERTY_RUNS=1000 for a deeper search; 60 on every run.
      { numRuns: Number(process.env.SAMAD_PROPERTY_RUNS ?? 60) },
    );
    // Both outcomes were exercised, or the property says little.
    expect(seen.get(201)).toBeGreaterThan(0);
    expect(seen.get(400)).toBeGreaterThan(0);
  }, 180000);

  it('names the field holding NUL, other control characters or a broken surrogate, and stores nothing', async () => {
    const valid = fc.sample(validBody, { numRuns: 1, seed: 5 })[0];
    const cases: [Record<string, unknown>, string][] = [
      [{ ...valid, description: 'آب\u0000قطع است' }, 'description'],
      [{ ...valid, description: 'قطع \ud800 است' }, 'description'],
      [
        {
          ...valid,
          citizens: [{ ...valid.citizens[0], fullName: 'زهرا\u001bکریمی' }, ...valid.citizens.slice(1)],
        },
        'citizens[0].fullName',
      ],
      [
        {
          ...valid,
          citizens: [{ ...valid.citizens[0], fullName: 'زهرا \udfff' }, ...valid.citizens.slice(1)],
        },
        'citizens[0].fullName',
      ],
    ];
    for (const [body, field] of cases) {
      const before = await eventCount();
      const res = await fetch(`${intake.baseUrl}/api/requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: { field: string }[] }).errors).toContainEqual(
        expect.objectContaining({ field }),
      );
      expect(await eventCount()).toBe(before);
    }
  });
});
