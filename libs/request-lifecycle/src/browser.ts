// The library's second entry point, `@samad/request-lifecycle/browser`: the pure functions a browser bundle (the
// people's console, ADR 0040) shares with the services, without the index's Node-only parts (test helpers,
// event schemas). One check digit rule, one digit folding, on the screen and in the API.
export { isValidNationalCode, nationalCodeCheckDigit } from './value-objects/national-code.value-object';
export { isValidIranianMobile } from './value-objects/iranian-mobile.value-object';
export { normalizePersianText, toAsciiDigits, toPersianDigits } from './shared/persian-text';
