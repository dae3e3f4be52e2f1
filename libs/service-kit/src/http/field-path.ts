/**
 * The one way a 400 names a field, for class-validator and domain errors alike: dotted properties and
 * bracketed array indexes, e.g. `citizens[1].mobile` (as the decider names them).
 */
export const fieldPath = (parent: string, key: string, parentIsArray: boolean): string => {
  if (parent === '') return key;
  return parentIsArray ? `${parent}[${key}]` : `${parent}.${key}`;
};
