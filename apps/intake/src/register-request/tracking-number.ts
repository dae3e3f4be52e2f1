import { trackingCodeFromNumber, type TrackingCode } from '@samad/request-lifecycle';

const RANGE = 900_000_000n;
// A is coprime to 900,000,000 = 2^8·3^2·5^8 (7^10 has no factor 2, 3 or 5), so n ↦ (n·A + B) mod RANGE is a bijection.
const A = 282_475_249n;
const B = 611_953_057n;

/** Sequence number (0..899,999,999) → another number in the same range; so codes are not guessable in order. */
export const scrambleTrackingNumber = (sequence: bigint | number): bigint => {
  const n = BigInt(sequence);
  if (n < 0n || n >= RANGE) throw new RangeError(`tracking sequence out of range 0..${RANGE - 1n}: ${n}`);
  return (n * A + B) % RANGE;
};

/** The tracking code of the n-th registration (n from intake.tracking_number_seq). */
export const trackingCodeForSequence = (sequence: bigint | number): TrackingCode =>
  // trackingCodeFromNumber takes 1..900,000,000 and itself adds 100,000,000 so codes never start with 0.
  trackingCodeFromNumber(scrambleTrackingNumber(sequence) + 1n);
