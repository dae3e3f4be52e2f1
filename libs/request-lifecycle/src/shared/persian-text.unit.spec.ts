import fc from 'fast-check';
import {
  normalizePersianText,
  stripInvisibleFormatting,
  toAsciiDigits,
  toPersianDigits,
} from './persian-text';

const ZWNJ = '\u200c';
const persianDigit = (d: number) => String.fromCharCode(0x06f0 + d);
const arabicDigit = (d: number) => String.fromCharCode(0x0660 + d);

describe('toAsciiDigits', () => {
  it('maps Persian and Arabic-Indic digits and leaves everything else', () => {
    expect(toAsciiDigits('۰۹۱۷-١٢٣ abc ۴٥')).toBe('0917-123 abc 45');
  });

  it('is the inverse of writing the digits in either script (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 30 }),
        fc.boolean(),
        (digits, arabic) => {
          const written = digits.map(arabic ? arabicDigit : persianDigit).join('');
          expect(toAsciiDigits(written)).toBe(digits.join(''));
          expect(toAsciiDigits(toPersianDigits(digits.join('')))).toBe(digits.join(''));
        },
      ),
    );
  });

  it('never changes a string without Eastern digits (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        fc.pre(!/[\u06f0-\u06f9\u0660-\u0669]/.test(s));
        expect(toAsciiDigits(s)).toBe(s);
      }),
    );
  });
});

describe('normalizePersianText', () => {
  it('turns Arabic yeh and kaf into Persian ones', () => {
    expect(normalizePersianText('كريمي')).toBe('کریمی');
    expect(normalizePersianText('مصطفى')).toBe('مصطفی');
  });

  it('keeps a zero-width non-joiner inside a word', () => {
    expect(normalizePersianText('می\u200cخواهم')).toBe('می\u200cخواهم');
  });

  it('drops joiners that touch spaces or the ends, and collapses runs', () => {
    expect(normalizePersianText(`${ZWNJ} نامه ${ZWNJ} ها${ZWNJ}${ZWNJ}ی   ما ${ZWNJ}`)).toBe(
      `نامه ها${ZWNJ}ی ما`,
    );
  });

  it('trims and collapses whitespace, including tabs, newlines and no-break spaces', () => {
    expect(normalizePersianText('  علی \t\n رئیسی\u00a0 ')).toBe('علی رئیسی');
  });

  it('keeps paragraphs when asked, trimming each line', () => {
    expect(normalizePersianText('  سلام  \r\n\r\n\r\n  متن   نامه \n', { keepLineBreaks: true })).toBe(
      'سلام\n\nمتن نامه',
    );
  });

  const persianish = fc.string({
    unit: fc.constantFrom('ي', 'ك', 'ى', 'ی', 'ک', 'ا', 'ب', ' ', '\t', '\n', ZWNJ, '۱', '1'),
    maxLength: 40,
  });

  it('output has no Arabic yeh/kaf, no double spaces, no stray joiners, no outer blanks (property)', () => {
    fc.assert(
      fc.property(persianish, fc.boolean(), (text, keepLineBreaks) => {
        const out = normalizePersianText(text, { keepLineBreaks });
        expect(out).not.toMatch(/[\u064a\u0643\u0649]/);
        expect(out).not.toMatch(/ {2}|\t/);
        expect(out).not.toMatch(/\u200c{2}|\u200c[ \n]|[ \n]\u200c|^\u200c|\u200c$/);
        expect(out).toBe(out.trim());
        if (!keepLineBreaks) expect(out).not.toContain('\n');
      }),
    );
  });

  it('is idempotent (property)', () => {
    fc.assert(
      fc.property(persianish, fc.boolean(), (text, keepLineBreaks) => {
        const once = normalizePersianText(text, { keepLineBreaks });
        expect(normalizePersianText(once, { keepLineBreaks })).toBe(once);
      }),
    );
  });
});

describe('text hygiene (NFC, invisible formatting removed, ZWNJ kept)', () => {
  const stripped = [
    ...['\u202a', '\u202b', '\u202c', '\u202d', '\u202e'], // embeddings and overrides
    ...['\u2066', '\u2067', '\u2068', '\u2069'], // isolates
    ...['\u200e', '\u200f', '\u061c'], // direction marks
    ...['\u200b', '\u200d', '\u2060', '\ufeff'], // zero-width characters
  ];
  const strippedPattern = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\u2060\ufeff]|\u200d/;

  it.each(stripped.map((c) => [c.charCodeAt(0).toString(16).toUpperCase(), c]))(
    'removes U+%s',
    (_code, c) => {
      expect(normalizePersianText(`آب${c} قطع ${c}است`)).toBe('آب قطع است');
      expect(stripInvisibleFormatting(`a${c}b`)).toBe('ab');
    },
  );

  it('cannot be made to read backwards by a right-to-left override', () => {
    expect(normalizePersianText('invoice \u202efdp.exe\u202c')).toBe('invoice fdp.exe');
  });

  it('keeps the zero-width non-joiner inside Persian words (نیم‌فاصله)', () => {
    expect(normalizePersianText(`می${ZWNJ}خواهم نامه${ZWNJ}ها`)).toBe(`می${ZWNJ}خواهم نامه${ZWNJ}ها`);
    expect(normalizePersianText(`می\u200b${ZWNJ}\u200dخواهم`)).toBe(`می${ZWNJ}خواهم`);
  });

  it('composes to NFC (alef + madda → آ, e + combining acute → é)', () => {
    expect(normalizePersianText('\u0627\u0653ب')).toBe('\u0622ب');
    expect(normalizePersianText('cafe\u0301')).toBe('caf\u00e9');
  });

  const persianLetter = fc.constantFrom('ا', 'ب', 'پ', 'ت', 'س', 'م', 'ن', 'ه', 'ی', 'ک', 'گ', 'ي', 'ك');
  const messy = fc.string({
    unit: fc.oneof(
      { weight: 4, arbitrary: persianLetter },
      { weight: 2, arbitrary: fc.constantFrom(...stripped) },
      { weight: 1, arbitrary: fc.constantFrom(' ', '\n', '\t', ZWNJ, '\u0653', '\u0301', 'e', '۱') },
    ),
    maxLength: 60,
  });

  it('joins a letter and its mark that a removed character kept apart (found by the property below)', () => {
    expect(normalizePersianText('ا\u202a\u0653')).toBe('آ');
    expect(normalizePersianText('ا\u202a\u0653', { keepLineBreaks: true })).toBe('آ');
  });

  it('never outputs a stripped character, and is idempotent (property)', () => {
    fc.assert(
      fc.property(messy, fc.boolean(), (text, keepLineBreaks) => {
        const out = normalizePersianText(text, { keepLineBreaks });
        expect(out).not.toMatch(strippedPattern);
        expect(out).toBe(out.normalize('NFC'));
        expect(normalizePersianText(out, { keepLineBreaks })).toBe(out);
      }),
    );
  });

  it('keeps a ZWNJ between two Persian letters whatever invisible formatting surrounds it (property)', () => {
    fc.assert(
      fc.property(
        fc.array(persianLetter, { minLength: 1, maxLength: 8 }),
        fc.array(persianLetter, { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom(...stripped), { maxLength: 4 }),
        fc.array(fc.constantFrom(...stripped), { maxLength: 4 }),
        (before, after, noiseBefore, noiseAfter) => {
          const text = `${before.join('')}${noiseBefore.join('')}${ZWNJ}${noiseAfter.join('')}${after.join('')}`;
          const out = normalizePersianText(text);
          expect(out).toBe(normalizePersianText(`${before.join('')}${ZWNJ}${after.join('')}`));
          expect(out.split(ZWNJ)).toHaveLength(2);
        },
      ),
    );
  });
});
