import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt with N = 2^15, r = 8, p = 1: about 32 MiB and tens of milliseconds per guess, on purpose.
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
// Bounds on what a stored hash may ask for, so a tampered row cannot make verification exhaust memory.
const MAX_N = 2 ** 17;

const derive = (password: string, salt: Buffer, cost: typeof COST, length: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });

/** `scrypt$N$r$p$salt$hash` (base64), with a fresh random salt per password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const hash = await derive(password, salt, COST, KEY_LENGTH);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Compares in constant time; false for a malformed stored hash rather than an error. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, hashText, ...rest] = stored.split('$');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const valid =
    scheme === 'scrypt' &&
    rest.length === 0 &&
    Number.isInteger(Math.log2(cost.N)) &&
    cost.N >= 2 &&
    cost.N <= MAX_N &&
    [cost.r, cost.p].every((v) => Number.isInteger(v) && v >= 1 && v <= 8);
  if (!valid || !saltText || !hashText) return false;
  const expected = Buffer.from(hashText, 'base64');
  if (expected.length < 16) return false;
  const actual = await derive(password, Buffer.from(saltText, 'base64'), cost, expected.length);
  return timingSafeEqual(actual, expected);
}
