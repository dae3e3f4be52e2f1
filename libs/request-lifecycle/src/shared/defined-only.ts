/** Drops keys whose value is undefined: events and state never carry `key: undefined` (JSON drops it anyway). */
export const definedOnly = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
