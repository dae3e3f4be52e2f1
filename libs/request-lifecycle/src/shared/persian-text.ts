const ZWNJ = '\u200c';

// Arabic-script letters that Arabic keyboards produce but Persian text spells differently.
const persianLetters: Record<string, string> = {
  '\u064a': '\u06cc', // ي Arabic yeh → ی Persian yeh
  '\u0649': '\u06cc', // ى alef maksura → ی
  '\u0643': '\u06a9', // ك Arabic kaf → ک Persian keheh
};

/** Persian ۰-۹ (U+06F0–U+06F9) and Arabic-Indic ٠-٩ (U+0660–U+0669) → ASCII 0-9; everything else unchanged. */
export const toAsciiDigits = (text: string): string =>
  text.replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) & 0xf));

/** ASCII 0-9 → Persian ۰-۹, for display. */
export const toPersianDigits = (text: string): string =>
  text.replace(/[0-9]/g, (digit) => String.fromCharCode(0x06f0 + Number(digit)));

/**
 * Invisible formatting that only disguises text: bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), direction marks (U+200E, U+200F, U+061C) and zero-width characters
 * (U+200B, U+200D, U+2060, U+FEFF). An override can make a note read differently from what is stored.
 * The zero-width non-joiner U+200C is NOT among them: Persian spells words with it (نیم‌فاصله).
 */
// ZWJ (U+200D) stands outside the class: inside it, it would read as joining its neighbours.
const INVISIBLE_FORMATTING = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\u2060\ufeff]|\u200d/g;

/**
 * The invisible formatting characters (INVISIBLE_FORMATTING) removed, then NFC; ZWNJ kept. In that order:
 * a removed character can leave a letter beside its combining mark (ا + U+202A + ٓ), which NFC then joins.
 */
export const stripInvisibleFormatting = (text: string): string =>
  text.replace(INVISIBLE_FORMATTING, '').normalize('NFC');

export interface NormalizeOptions {
  /** Keep line breaks (descriptions, answers, letters); otherwise all whitespace becomes one space. */
  readonly keepLineBreaks?: boolean;
}

const normalizeLine = (line: string): string =>
  line
    .replace(/[^\S\n]+/g, ' ')
    // A ZWNJ only means something between two letters: a run of ZWNJs and spaces becomes one space.
    .replace(/[ \u200c]+/g, (run) => (run.includes(' ') ? ' ' : ZWNJ))
    .trim()
    .replace(/^\u200c|\u200c$/g, '');

/**
 * Canonical Persian text for storage and search: Unicode NFC, invisible formatting removed
 * (stripInvisibleFormatting), Arabic ي/ى/ك → Persian ی/ک, zero-width non-joiner kept inside words,
 * whitespace trimmed and collapsed. Digits are left as typed (see toAsciiDigits for codes).
 */
export const normalizePersianText = (text: string, options: NormalizeOptions = {}): string => {
  const letters = stripInvisibleFormatting(text).replace(
    /[\u064a\u0649\u0643]/g,
    (letter) => persianLetters[letter],
  );
  // NFC last as well: collapsing whitespace can bring a letter and its mark together too.
  if (!options.keepLineBreaks) return normalizeLine(letters.replace(/\s+/g, ' ')).normalize('NFC');
  return letters
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(normalizeLine)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .normalize('NFC');
};
