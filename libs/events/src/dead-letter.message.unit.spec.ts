import { createHash } from 'node:crypto';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { createDeadLetterMessage, deadLetterMessageSchema } from './dead-letter.message';
import { decodeIntegrationEvent } from './integration-event.decoder';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(deadLetterMessageSchema);

describe('dead-letter message', () => {
  const failedAt = new Date('2024-10-15T06:00:00Z');

  it('parks an undecodable message with the decoder reason, naming the payload but never carrying it', () => {
    const value = Buffer.from('{"eventType":"samad.request.teleported"', 'utf8');
    const decoded = decodeIntegrationEvent(value);
    if (decoded.ok) throw new Error('expected a rejection');

    const message = createDeadLetterMessage({
      originalTopic: 'samad.request-events',
      partition: 3,
      offset: 42n,
      key: Buffer.from('request-1000000017'),
      value,
      reason: decoded.code,
      error: decoded.reason,
      failedAt,
      consumerGroup: 'reporting',
    });

    expect(message).toEqual({
      originalTopic: 'samad.request-events',
      partition: 3,
      offset: '42',
      key: 'request-1000000017',
      reason: 'invalid_json',
      error: decoded.reason,
      failedAt: '2024-10-15T06:00:00.000Z',
      payloadBytes: value.length,
      payloadSha256: createHash('sha256').update(value).digest('hex'),
      consumerGroup: 'reporting',
    });
    expect(validate(message)).toBe(true);
    expect(JSON.stringify(message)).not.toContain('teleported');
  });

  it('names bytes that are not UTF-8 the same way, and keeps a thrown error as its message', () => {
    const message = createDeadLetterMessage({
      originalTopic: 'samad.agency.abfa',
      partition: 0,
      offset: '7',
      key: null,
      value: Uint8Array.from([0xff, 0x00]),
      reason: 'processing_failed',
      error: new Error('relation "inbox" does not exist'),
      failedAt,
    });
    expect(message).toMatchObject({ key: null, payloadBytes: 2 });
    expect(message).not.toHaveProperty('payload');
    expect(message.error).toBe('relation "inbox" does not exist');
    expect(message).not.toHaveProperty('consumerGroup');
    expect(validate(message)).toBe(true);
  });

  it('keeps personal data out of the reason for a message that is not JSON', () => {
    const decoded = decodeIntegrationEvent('{"citizens":[{"nationalCode":"0499370899", oops}]}');
    expect(decoded).toMatchObject({ ok: false, code: 'invalid_json' });
    expect(JSON.stringify(decoded)).not.toContain('0499370899');
  });
});
