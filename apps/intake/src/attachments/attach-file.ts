import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { EventStore } from '@samad/event-store';
import type { AttachmentMetadata, SealedAttachments } from '@samad/personal-data';
import { handleRequestCommand, loadRequest } from '@samad/request-application';
import { DomainError, isRegistered, requestStreamName } from '@samad/request-lifecycle';
import type { ActorIdentity } from '@samad/service-kit';

export interface AttachContext {
  readonly store: EventStore;
  readonly attachments: SealedAttachments;
  readonly dataSource: DataSource;
  readonly actor: ActorIdentity;
  readonly correlationId: string;
}

/**
 * Seals one checked file under the request's representative citizen and appends AttachmentAdded (ADR 29).
 * `skipSameContent`: a file whose SHA-256 the request already holds is not stored again (a retried
 * multipart registration); its recorded id is answered instead.
 */
export async function attachFile(
  ctx: AttachContext,
  trackingCode: string,
  bytes: Buffer,
  options: { skipSameContent?: boolean } = {},
): Promise<AttachmentMetadata> {
  const loaded = await loadRequest(ctx.store, trackingCode);
  if (!isRegistered(loaded.state)) throw new DomainError('REQUEST_NOT_FOUND', `no request ${trackingCode}`);
  if (options.skipSameContent) {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const same = loaded.events.find((e) => e.type === 'AttachmentAdded' && e.data.sha256 === sha256);
    if (same?.type === 'AttachmentAdded') {
      return {
        id: same.data.attachmentId,
        trackingCode,
        contentType: same.data.contentType as AttachmentMetadata['contentType'],
        size: same.data.size,
        sha256,
        addedBy: same.data.addedBy,
        addedAt: new Date(same.data.at),
      };
    }
  }
  if (loaded.state.status === 'closed')
    throw new DomainError('REQUEST_ALREADY_CLOSED', `request ${trackingCode} is closed`);
  const metadata = await ctx.attachments.store(
    ctx.dataSource,
    requestStreamName(trackingCode),
    trackingCode,
    bytes,
    ctx.actor.id,
  );
  await handleRequestCommand(
    ctx.store,
    {
      type: 'AddAttachment',
      data: {
        trackingCode,
        now: metadata.addedAt,
        attachmentId: metadata.id,
        contentType: metadata.contentType,
        size: metadata.size,
        sha256: metadata.sha256,
        addedBy: ctx.actor.id,
      },
    },
    { actor: ctx.actor, correlationId: ctx.correlationId },
    { loaded },
  );
  return metadata;
}
