import { Topics } from './topics';

describe('Topics', () => {
  it('names the shared topics and one topic per agency', () => {
    expect(Topics.requestEvents).toBe('samad.request-events');
    expect(Topics.deadLetter).toBe('samad.dead-letter');
    expect(Topics.answeredCalls).toBe('samad.telephony.answered-calls');
    expect(Topics.agency('ABFA')).toBe('samad.agency.abfa');
  });
});
