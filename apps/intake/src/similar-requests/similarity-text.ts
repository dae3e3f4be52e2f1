import { normalizePersianText, toAsciiDigits } from '@samad/request-lifecycle';

/**
 * The form descriptions are compared in: Persian-normalised (Arabic ی/ک, digits, invisible marks), lower
 * case, punctuation to spaces, spaces collapsed, so trigrams compare words rather than typing habits.
 */
export const similarityText = (description: string): string =>
  toAsciiDigits(normalizePersianText(description, { keepLineBreaks: false }))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\u200c]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
