// The services' own pure functions, imported file by file: the package's index also carries Node-only parts
// (test helpers, event schemas) a browser bundle must not pull in. One check digit rule for screen and API.
export {
  isValidNationalCode,
  nationalCodeCheckDigit,
} from '../../../libs/request-lifecycle/src/value-objects/national-code.value-object';
export { isValidIranianMobile } from '../../../libs/request-lifecycle/src/value-objects/iranian-mobile.value-object';
export {
  normalizePersianText,
  toAsciiDigits,
  toPersianDigits,
} from '../../../libs/request-lifecycle/src/shared/persian-text';
