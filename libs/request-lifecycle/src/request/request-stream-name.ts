import type { TrackingCode } from '../value-objects/tracking-code.value-object';

export const REQUEST_STREAM_PREFIX = 'request-';

/** One stream per request: `request-<trackingCode>`; it is the request's audit trail. */
export const requestStreamName = (code: TrackingCode | string): string => `${REQUEST_STREAM_PREFIX}${code}`;

/** The tracking code of a request stream, or undefined for any other stream. */
export const trackingCodeOfStream = (streamName: string): string | undefined =>
  streamName.startsWith(REQUEST_STREAM_PREFIX) ? streamName.slice(REQUEST_STREAM_PREFIX.length) : undefined;
