import { normalizeForSearch, searchableText, searchTerms } from './persian-search';

describe('searchableText', () => {
  it('indexes a half-spaced word joined and as its parts', () => {
    expect(searchableText('آیین‌نامه ملي').split(' ')).toEqual(['آییننامه', 'ملی', 'آیین', 'نامه']);
  });
});

describe('normalizeForSearch', () => {
  it('folds Arabic yeh and kaf, Persian and Arabic-Indic digits, half-spaces and diacritics', () => {
    expect(normalizeForSearch('كارت ملي ۱۲ ٣٤ می‌شود')).toBe(normalizeForSearch('کارت ملی 12 34 میشود'));
    expect(normalizeForSearch('مُدارِک')).toBe('مدارک');
  });

  it('splits a query into folded words, dropping punctuation', () => {
    expect(searchTerms('  پروانهٔ ساخت، شهرداري! ')).toEqual(['پروانه', 'ساخت', 'شهرداری']);
  });
});
