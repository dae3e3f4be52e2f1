// Whole-store verification against signed checkpoints (ADR 0030). Recomputes every leaf from the store in
// global order and compares it with the leaf log that reporting kept from Kafka — that log is itself checked
// against the signed roots first, so the first difference names the event: changed, missing, inserted or moved.
import type { KeyObject } from 'node:crypto';
import { auditLeafHash, type AuditLeafInput } from './audit-leaf';
import type { AuditLeafRecord } from './audit-log';
import { checkpointSignatureValid, type AuditCheckpoint } from './checkpoint';
import { MerkleFrontier } from './merkle';

export type AuditProblem =
  | { readonly kind: 'no_checkpoint' }
  | { readonly kind: 'bad_signature'; readonly sequence: number }
  | { readonly kind: 'leaf_log_tampered'; readonly sequence: number }
  | {
      readonly kind: 'changed';
      readonly index: number;
      readonly expected: LeafName;
      readonly found: LeafName;
    }
  | {
      readonly kind: 'missing';
      readonly index: number;
      readonly first: LeafName;
      readonly last: LeafName;
      readonly count: number;
    }
  | { readonly kind: 'inserted'; readonly index: number; readonly found: LeafName }
  | {
      readonly kind: 'root_mismatch';
      readonly sequence: number;
      readonly fromPosition: string;
      readonly toPosition: string;
    };

export interface LeafName {
  readonly position: string;
  readonly streamId: string;
  readonly revision: string;
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly eventsChecked: number;
  /** Events covered by the latest checkpoint. */
  readonly covered: number;
  readonly checkpoint?: AuditCheckpoint;
  readonly problem?: AuditProblem;
}

export interface VerifyStoreInput {
  /** The store's committed events in global order. */
  readonly events: AsyncIterable<AuditLeafInput>;
  readonly checkpoints: readonly AuditCheckpoint[];
  /** The leaves the checkpoints announced, in order (index = tree index); may be empty. */
  readonly leafLog: readonly AuditLeafRecord[];
  readonly publicKey: KeyObject;
  readonly onProgress?: (eventsChecked: number) => void;
}

const nameOfRecord = (r: AuditLeafRecord): LeafName => ({
  position: `${r.commit}:${r.prepare}`,
  streamId: r.streamId,
  revision: r.revision,
});
const nameOfInput = (e: AuditLeafInput): LeafName => ({
  position: `${e.commit}:${e.prepare}`,
  streamId: e.streamId,
  revision: e.revision.toString(),
});
const compare = (a: { commit: bigint; prepare: bigint }, b: AuditLeafRecord): number => {
  const commit = BigInt(b.commit);
  const prepare = BigInt(b.prepare);
  if (a.commit !== commit) return a.commit < commit ? -1 : 1;
  return a.prepare === prepare ? 0 : a.prepare < prepare ? -1 : 1;
};

/** Do the leaf log's first treeSize leaves reproduce every checkpoint's signed root? */
const leafLogMatches = (
  leafLog: readonly AuditLeafRecord[],
  checkpoints: readonly AuditCheckpoint[],
): number | undefined => {
  const frontier = MerkleFrontier.empty();
  let next = 0;
  for (const checkpoint of checkpoints) {
    if (leafLog.length < checkpoint.treeSize) return checkpoint.sequence;
    while (next < checkpoint.treeSize) frontier.append(Buffer.from(leafLog[next++].leaf, 'hex'));
    if (frontier.root().toString('hex') !== checkpoint.root) return checkpoint.sequence;
  }
  return undefined;
};

export const verifyStoreAgainstCheckpoints = async (input: VerifyStoreInput): Promise<AuditVerification> => {
  const checkpoints = [...input.checkpoints].sort((a, b) => a.sequence - b.sequence);
  const forged = checkpoints.find((c) => !checkpointSignatureValid(c, input.publicKey));
  if (forged)
    return {
      ok: false,
      eventsChecked: 0,
      covered: 0,
      problem: { kind: 'bad_signature', sequence: forged.sequence },
    };
  const latest = checkpoints[checkpoints.length - 1];
  if (!latest) return { ok: false, eventsChecked: 0, covered: 0, problem: { kind: 'no_checkpoint' } };
  const tamperedLog = input.leafLog.length > 0 ? leafLogMatches(input.leafLog, checkpoints) : undefined;
  const leafLog = tamperedLog === undefined ? input.leafLog : [];

  const frontier = MerkleFrontier.empty();
  let nextCheckpoint = 0;
  let checked = 0;
  let lastPosition = '0:0';
  const fail = (problem: AuditProblem): AuditVerification => ({
    ok: false,
    eventsChecked: checked,
    covered: latest.treeSize,
    checkpoint: latest,
    problem,
  });
  for await (const event of input.events) {
    const index = frontier.size;
    const leaf = auditLeafHash(event);
    if (index < leafLog.length) {
      const expected = leafLog[index];
      if (expected.leaf !== leaf.toString('hex')) {
        const order = compare(event, expected);
        if (order > 0) {
          // Everything announced before this event's position is gone.
          let end = index;
          while (end + 1 < leafLog.length && compare(event, leafLog[end + 1]) > 0) end++;
          return fail({
            kind: 'missing',
            index,
            first: nameOfRecord(expected),
            last: nameOfRecord(leafLog[end]),
            count: end - index + 1,
          });
        }
        if (order < 0) return fail({ kind: 'inserted', index, found: nameOfInput(event) });
        return fail({ kind: 'changed', index, expected: nameOfRecord(expected), found: nameOfInput(event) });
      }
    }
    frontier.append(leaf);
    checked++;
    input.onProgress?.(checked);
    while (nextCheckpoint < checkpoints.length && checkpoints[nextCheckpoint].treeSize === frontier.size) {
      const checkpoint = checkpoints[nextCheckpoint++];
      if (frontier.root().toString('hex') !== checkpoint.root) {
        return fail({
          kind: 'root_mismatch',
          sequence: checkpoint.sequence,
          fromPosition: lastPosition,
          toPosition: checkpoint.position,
        });
      }
      lastPosition = checkpoint.position;
    }
  }
  if (frontier.size < latest.treeSize) {
    if (frontier.size < leafLog.length) {
      return fail({
        kind: 'missing',
        index: frontier.size,
        first: nameOfRecord(leafLog[frontier.size]),
        last: nameOfRecord(leafLog[Math.min(leafLog.length, latest.treeSize) - 1]),
        count: latest.treeSize - frontier.size,
      });
    }
    return fail({
      kind: 'root_mismatch',
      sequence: latest.sequence,
      fromPosition: lastPosition,
      toPosition: latest.position,
    });
  }
  if (tamperedLog !== undefined) return fail({ kind: 'leaf_log_tampered', sequence: tamperedLog });
  return { ok: true, eventsChecked: checked, covered: latest.treeSize, checkpoint: latest };
};
