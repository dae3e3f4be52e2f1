/** How many trailing characters a masked identifier keeps: enough to confirm with a caller, not to find one. */
export const VISIBLE_TAIL = 4;

/**
 * `0499370899` → `******0899`: every character but the last four becomes `*`, so the length still shows.
 * A value of four characters or fewer is masked whole (showing its "last four" would show all of it).
 */
export const maskIdentifier = (value: string): string => {
  const chars = [...value];
  if (chars.length <= VISIBLE_TAIL) return '*'.repeat(chars.length);
  return '*'.repeat(chars.length - VISIBLE_TAIL) + chars.slice(-VISIBLE_TAIL).join('');
};

/** The keys whose string values are masked wherever they appear in a view. */
export const maskedIdentifierKeys: readonly string[] = ['nationalCode', 'mobile'];

/**
 * A copy of any JSON-like value with every `nationalCode` and `mobile` string, at any depth, masked
 * (null and other values kept as they are). Used on whole stored events, so a new event type that
 * carries either identifier is masked too without being named here.
 */
export const maskPersonalIdentifiers = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(maskPersonalIdentifiers);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      maskedIdentifierKeys.includes(key) && typeof inner === 'string'
        ? maskIdentifier(inner)
        : maskPersonalIdentifiers(inner),
    ]),
  );
};

/** JSON text with its identifiers masked (maskPersonalIdentifiers); text that is not JSON comes back as is. */
export const maskPersonalIdentifiersInJson = (text: string): string => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  return JSON.stringify(maskPersonalIdentifiers(parsed));
};
