import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { createDeadLetterMessage, deadLetterMessageSchema } from './dead-letter.message';
import { decodeIntegrationEvent } from './integration-event.decoder';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(deadLetterMessageSchema);

describe('dead-letter message', () => {
  const failedAt = new Date('2024-10-15T06:00:00Z');

  it('parks an undecodable message with the decoder reason and the payload as text', () => {
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
      payload: '{"eventType":"samad.request.teleported"',
      payloadEncoding: 'utf8',
      consumerGroup: 'reporting',
    });
    expect(validate(message)).toBe(true);
  });

  it('keeps bytes that are not UTF-8 as base64, and a thrown error as its message', () => {
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
    expect(message).toMatchObject({ key: null, payload: '/wA=', payloadEncoding: 'base64' });
    expect(message.error).toBe('relation "inbox" does not exist');
    expect(message).not.toHaveProperty('consumerGroup');
    expect(validate(message)).toBe(true);
  });
});
