// Position helpers: one text form ("commit:prepare") for Kafka headers, logs and checkpoints.
import type { Position } from './event-store.port';

export const comparePositions = (a: Position, b: Position): number =>
  a.commit === b.commit ? compareBigints(a.prepare, b.prepare) : compareBigints(a.commit, b.commit);

export const formatPosition = (position: Position): string => `${position.commit}:${position.prepare}`;

export const parsePosition = (text: string): Position => {
  const match = /^(\d+):(\d+)$/.exec(text);
  if (!match) throw new RangeError(`Not a position: "${text}" (expected "commit:prepare")`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
};

const compareBigints = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);
