// Damm's order-10 weakly totally anti-symmetric quasigroup (H. M. Damm, 2004): a single check digit that
// catches every single-digit error and every adjacent transposition, with no letters (unlike ISO 7064 mod 11-2).
const quasigroup: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

const interim = (digits: string): number => {
  let row = 0;
  for (const digit of digits) row = quasigroup[row][digit.charCodeAt(0) - 48];
  return row;
};

/** The Damm check digit to append to `digits` (ASCII 0-9 only). */
export const dammCheckDigit = (digits: string): number => interim(digits);

/** True when `digits` (check digit included) passes the Damm check. */
export const isDammValid = (digits: string): boolean => /^[0-9]+$/.test(digits) && interim(digits) === 0;
