// The services' own pure functions (national code check digit, Persian digits and letters), from the domain
// library's browser entry point: one rule on the screen and in the API.
export {
  isValidIranianMobile,
  isValidNationalCode,
  nationalCodeCheckDigit,
  normalizePersianText,
  toAsciiDigits,
  toPersianDigits,
} from '@samad/request-lifecycle/browser';
