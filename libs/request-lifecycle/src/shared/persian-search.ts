import { normalizePersianText, toAsciiDigits } from './persian-text';

// Harakat, tanwin, shadda, sukun, superscript alef and tatweel: optional marks a search must look through.
const DIACRITICS = /[\u064b-\u065f\u0670\u0640]/g;
// Letters typed in Arabic forms that Persian readers treat as the same letter.
const FOLDED: Record<string, string> = { ة: 'ه', ۀ: 'ه', أ: 'ا', إ: 'ا', ؤ: 'و', ئ: 'ی' };

/**
 * Text folded for full-text search (ADR 36): normalizePersianText (ي/ك → ی/ک), ASCII digits, no diacritics,
 * and the half-space removed so «می‌شود», «میشود» match; lower case; punctuation becomes space.
 */
export const normalizeForSearch = (text: string): string =>
  toAsciiDigits(normalizePersianText(text))
    .replace(DIACRITICS, '')
    .replace(/[ةۀأإؤئ]/g, (letter) => FOLDED[letter])
    .replace(/\u200c/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Text to index: the folded text, plus each half-spaced word's parts («آیین‌نامه» → «آییننامه», «آیین»,
 * «نامه»), so the word is found whether the operator types it joined, half-spaced or with a full space.
 */
export const searchableText = (text: string): string => {
  const halfSpacedParts = (normalizePersianText(text).match(/[^\s\u200c]+(?:\u200c[^\s\u200c]+)+/g) ?? [])
    .flatMap((word) => word.split('\u200c'))
    .join(' ');
  return `${normalizeForSearch(text)} ${normalizeForSearch(halfSpacedParts)}`.trim();
};

/** The words of a search box, folded like the indexed text (for a prefix tsquery). */
export const searchTerms = (query: string): string[] =>
  normalizeForSearch(query)
    .split(' ')
    .filter((term) => term !== '');
