/** The day already is a holiday: declared before, or one of the fixed solar holidays. */
export class HolidayAlreadyDeclaredError extends Error {
  readonly code = 'HOLIDAY_ALREADY_DECLARED';
}

/** No administrator declared a holiday on that day (fixed solar holidays cannot be removed). */
export class HolidayNotFoundError extends Error {
  readonly code = 'HOLIDAY_NOT_FOUND';
}
