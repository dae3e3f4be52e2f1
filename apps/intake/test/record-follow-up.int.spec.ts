import { trackingCodeFromNumber } from '@samad/request-lifecycle';
import { asOperator, post, register, startIntake, streamOf, type IntakeUnderTest } from './intake-test-kit';

describe('POST /api/requests/{code}/follow-ups', () => {
  let intake: IntakeUnderTest;

  beforeAll(async () => {
    intake = await startIntake();
  });

  afterAll(async () => {
    await intake.close();
  });

  const followUp = async (code: string, body: unknown) =>
    post(
      intake.baseUrl,
      `/api/requests/${encodeURIComponent(code)}/follow-ups`,
      body,
      await asOperator('operator-9'),
    );

  it('appends the follow-up to the request’s stream, normalised', async () => {
    const { trackingCode } = await register(intake.baseUrl);
    const res = await followUp(trackingCode, { note: 'شهروند  تماس گرفت و پيگيري كرد', channel: 'phone' });
    expect(res.status).toBe(201);
    const recorded = (await res.json()) as { trackingCode: string; recordedAt: string };
    expect(recorded).toEqual({ trackingCode, recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });

    const events = await streamOf(intake.store, trackingCode);
    expect(events.map((e) => e.type)).toEqual(['RequestRegistered', 'FollowUpRecorded']);
    expect(events[1].data).toEqual({
      trackingCode,
      note: 'شهروند تماس گرفت و پیگیری کرد',
      channel: 'phone',
      at: recorded.recordedAt,
    });
    expect(events[1].metadata.actor).toEqual({ id: 'operator-9', role: 'operator' });
  });

  it('refuses a code whose check digit is wrong with 400 naming the code', async () => {
    const { trackingCode } = await register(intake.baseUrl);
    const typo = `${trackingCode.slice(0, 9)}${(Number(trackingCode[9]) + 1) % 10}`;
    const res = await followUp(typo, { note: 'پیگیری', channel: 'phone' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ field: 'code' }] });
  });

  it('answers 404 for a well-formed code nobody registered, appending nothing', async () => {
    const unknown = trackingCodeFromNumber(100_000_000 + Math.floor(Math.random() * 8e8));
    const res = await followUp(unknown, { note: 'پیگیری', channel: 'phone' });
    expect(res.status).toBe(404);
    await expect(streamOf(intake.store, unknown)).rejects.toThrow(/not found/);
  });

  it('refuses a blank note and an unknown channel, naming both', async () => {
    const { trackingCode } = await register(intake.baseUrl);
    const res = await followUp(trackingCode, { note: '', channel: 'fax' });
    expect(res.status).toBe(400);
    const fields = ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(new Set(fields)).toEqual(new Set(['note', 'channel']));
    expect(await streamOf(intake.store, trackingCode)).toHaveLength(1);
  });
});
