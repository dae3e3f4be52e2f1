// Incoming-call screen pop (issue 14, ADR 0045) against the real broker and database: two intake replicas
// in-process; the operator's console stream is open on one, the PBX calls the webhook on the other, and the
// call crosses over Kafka to that operator's stream only. The PBX's key and the body are checked first.
import { randomInt } from 'node:crypto';
import { bearer } from '../support/auth';
import { openEventStream, type OpenEventStream } from '../support/event-stream';
import { requestJson } from '../support/http';
import { startInProcess, type InProcessService } from '../support/in-process-service';
import { IntakeModule } from '../../apps/intake/src/intake.module';

const KEY = 'pbx-test-key-0123456789abcdefghij';
const toPersian = (text: string): string => text.replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);
// A mobile of this run, so earlier runs' calls cannot be mistaken for it.
const newMobile = (): string => `0917${String(randomInt(1_000_000, 9_999_999))}`;

describe('incoming-call screen pop', () => {
  let webhookSide: InProcessService;
  let screenSide: InProcessService;
  const streams: OpenEventStream[] = [];

  const openStream = async (username: string): Promise<OpenEventStream> => {
    const stream = await openEventStream(
      `${screenSide.baseUrl}/api/telephony/calls/events`,
      await bearer('operator', { sub: username }),
    );
    streams.push(stream);
    return stream;
  };

  const answered = (body: unknown, key: string | null = KEY) =>
    requestJson('POST', `${webhookSide.baseUrl}/api/telephony/answered-calls`, {
      headers: key === null ? {} : { 'x-telephony-key': key },
      body,
    });

  beforeAll(async () => {
    const env = { TELEPHONY_WEBHOOK_KEY: KEY };
    webhookSide = await startInProcess('intake', (c) => IntakeModule.register(c), env);
    screenSide = await startInProcess('intake', (c) => IntakeModule.register(c), env);
  }, 60000);

  afterAll(async () => {
    for (const stream of streams) stream.close();
    await screenSide?.close();
    await webhookSide?.close();
  });

  it("delivers a call to the answering operator's screen on another replica, the mobile normalised", async () => {
    const operator1 = await openStream('operator1');
    const operator2 = await openStream('operator2');
    expect([operator1.status, operator2.status]).toEqual([200, 200]);
    await Promise.all([operator1.nth('ready', 0), operator2.nth('ready', 0)]);

    const first = newMobile();
    const res = await answered({
      callerNumber: toPersian(`+98 ${first.slice(1, 4)} ${first.slice(4)}`),
      extension: '201',
      callId: '1718000000.42',
    });
    expect({ status: res.status, body: res.body }).toEqual({
      status: 202,
      body: { callId: '1718000000.42', mobile: first },
    });
    expect((await operator1.nth('call', 0)).data).toMatchObject({
      callId: '1718000000.42',
      mobile: first,
      extension: '201',
    });

    // Calls reach the screens in order, so operator2's first call being its own shows it never saw operator1's.
    const second = newMobile();
    const other = await answered({ callerNumber: `98${second.slice(1)}`, extension: '۲۰۲' });
    expect(other.status).toBe(202);
    expect((await operator2.nth('call', 0)).data).toMatchObject({ mobile: second, extension: '202' });
    // The dialplan's CURL() posts a form (docs/telephony.md).
    const third = newMobile();
    const form = await fetch(`${webhookSide.baseUrl}/api/telephony/answered-calls`, {
      method: 'POST',
      headers: { 'x-telephony-key': KEY },
      body: new URLSearchParams({
        callerNumber: `0098${third.slice(1)}`,
        extension: '201',
        callId: '1718000001.7',
      }),
    });
    expect(form.status).toBe(202);
    expect((await operator1.nth('call', 1)).data).toMatchObject({ mobile: third, callId: '1718000001.7' });
  });

  it('refuses the PBX without its key, or with a wrong one: 401 TELEPHONY_KEY_INVALID', async () => {
    const call = { callerNumber: newMobile(), extension: '201' };
    for (const key of [null, 'wrong-key-wrong-key-wrong-key']) {
      const res = await answered(call, key);
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 401,
        code: 'TELEPHONY_KEY_INVALID',
      });
    }
    // The key is checked before the body: a bad body without the key is still a 401.
    expect((await answered({ callerNumber: 'x' }, null)).status).toBe(401);
  });

  it('answers 400 with field errors for a number that is no mobile, 404 for an extension nobody holds', async () => {
    const bad = await answered({ callerNumber: '0711 2345678', extension: '2x' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_INPUT');
    expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'callerNumber',
      'extension',
    ]);
    const nobody = await answered({ callerNumber: newMobile(), extension: '9999' });
    expect({ status: nobody.status, code: nobody.body.code }).toEqual({
      status: 404,
      code: 'EXTENSION_NOT_FOUND',
    });
  });

  it('opens the stream to operators only', async () => {
    const url = `${screenSide.baseUrl}/api/telephony/calls/events`;
    const asStaff = await openEventStream(url, await bearer('agency_staff', { agency: 'ABFA' }));
    const anonymous = await openEventStream(url, {});
    expect([asStaff.status, anonymous.status]).toEqual([403, 401]);
  });
});
