import { requestStreamName, trackingCodeOfStream } from './request-stream-name';

describe('request stream name', () => {
  it('is request-<trackingCode>, and reads back', () => {
    expect(requestStreamName('1000000164')).toBe('request-1000000164');
    expect(trackingCodeOfStream('request-1000000164')).toBe('1000000164');
    expect(trackingCodeOfStream('routing-rules')).toBeUndefined();
  });
});
