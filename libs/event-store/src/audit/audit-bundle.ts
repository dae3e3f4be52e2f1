// A self-contained proof of one stream's history (ADR 0030): its events as stored, each with a Merkle
// inclusion proof into a signed checkpoint, and the public key — verifiable with no database.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { auditLeafHash, type AuditLeafInput } from './audit-leaf';
import { checkpointSignatureValid, keyIdOf, publicKeyPem, type AuditCheckpoint } from './checkpoint';
import { inclusionProof, merkleRoot, verifyInclusion } from './merkle';

export const AUDIT_BUNDLE_FORMAT = 'samad-audit-bundle/v1';

export interface AuditBundleEvent {
  readonly leafIndex: number;
  readonly commit: string;
  readonly prepare: string;
  readonly streamId: string;
  readonly revision: string;
  readonly eventId: string;
  readonly type: string;
  readonly dataText: string;
  readonly metadataText: string;
  readonly recordedAtMicros: string;
  readonly proof: readonly string[];
}

export interface AuditBundle {
  readonly format: typeof AUDIT_BUNDLE_FORMAT;
  readonly streamId: string;
  readonly exportedAt: string;
  readonly checkpoint: AuditCheckpoint;
  readonly publicKey: string;
  readonly events: readonly AuditBundleEvent[];
}

export class AuditBundleError extends Error {}

/** Builds the bundle from every covered event (in global order); refuses when they no longer match the checkpoint. */
export const buildAuditBundle = (input: {
  readonly streamId: string;
  readonly coveredEvents: readonly AuditLeafInput[];
  readonly checkpoint: AuditCheckpoint;
  readonly publicKey: KeyObject;
  readonly now?: Date;
}): AuditBundle => {
  const { checkpoint } = input;
  const events = input.coveredEvents.slice(0, checkpoint.treeSize);
  const leaves = events.map(auditLeafHash);
  if (leaves.length !== checkpoint.treeSize || merkleRoot(leaves).toString('hex') !== checkpoint.root) {
    throw new AuditBundleError(
      `The store no longer matches checkpoint #${checkpoint.sequence}: run \`samad verify --all\``,
    );
  }
  const bundleEvents: AuditBundleEvent[] = [];
  events.forEach((event, index) => {
    if (event.streamId !== input.streamId) return;
    bundleEvents.push({
      leafIndex: index,
      commit: event.commit.toString(),
      prepare: event.prepare.toString(),
      streamId: event.streamId,
      revision: event.revision.toString(),
      eventId: event.eventId,
      type: event.type,
      dataText: event.dataText,
      metadataText: event.metadataText,
      recordedAtMicros: event.recordedAtMicros.toString(),
      proof: inclusionProof(leaves, index, checkpoint.treeSize).map((p) => p.toString('hex')),
    });
  });
  if (bundleEvents.length === 0) {
    throw new AuditBundleError(
      `No event of ${input.streamId} is covered by checkpoint #${checkpoint.sequence} yet`,
    );
  }
  return {
    format: AUDIT_BUNDLE_FORMAT,
    streamId: input.streamId,
    exportedAt: (input.now ?? new Date()).toISOString(),
    checkpoint,
    publicKey: publicKeyPem(input.publicKey),
    events: bundleEvents,
  };
};

export type BundleVerification =
  | {
      readonly ok: true;
      readonly events: number;
      readonly keyId: string;
      readonly checkpoint: AuditCheckpoint;
    }
  | { readonly ok: false; readonly reason: string; readonly keyId?: string };

/** Checks the signature, every inclusion proof, and that the stream's revisions run 0, 1, 2… without a gap. */
export const verifyAuditBundle = (bundle: AuditBundle, pinnedKey?: KeyObject): BundleVerification => {
  if (bundle?.format !== AUDIT_BUNDLE_FORMAT) return { ok: false, reason: 'not a Samad audit bundle' };
  const key = createPublicKey(bundle.publicKey);
  const keyId = keyIdOf(key);
  if (pinnedKey && keyIdOf(pinnedKey) !== keyId) {
    return { ok: false, reason: `signed with key ${keyId}, not the expected ${keyIdOf(pinnedKey)}`, keyId };
  }
  if (!checkpointSignatureValid(bundle.checkpoint, key)) {
    return { ok: false, reason: `checkpoint #${bundle.checkpoint.sequence} signature is invalid`, keyId };
  }
  const root = Buffer.from(bundle.checkpoint.root, 'hex');
  for (const [i, event] of bundle.events.entries()) {
    if (event.streamId !== bundle.streamId || event.revision !== String(i)) {
      return {
        ok: false,
        reason: `event ${i} is ${event.streamId}@${event.revision}: revisions must run from 0`,
        keyId,
      };
    }
    const leaf = auditLeafHash({
      commit: BigInt(event.commit),
      prepare: BigInt(event.prepare),
      streamId: event.streamId,
      revision: BigInt(event.revision),
      eventId: event.eventId,
      type: event.type,
      dataText: event.dataText,
      metadataText: event.metadataText,
      recordedAtMicros: BigInt(event.recordedAtMicros),
    });
    const proof = event.proof.map((p) => Buffer.from(p, 'hex'));
    if (!verifyInclusion(leaf, event.leafIndex, bundle.checkpoint.treeSize, proof, root)) {
      return {
        ok: false,
        reason: `${event.streamId}@${event.revision} (position ${event.commit}:${event.prepare}) is not in checkpoint #${bundle.checkpoint.sequence}`,
        keyId,
      };
    }
  }
  return { ok: true, events: bundle.events.length, keyId, checkpoint: bundle.checkpoint };
};
