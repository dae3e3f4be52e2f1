import { DomainError } from '../../shared/domain-error';
import type { AddAttachment } from '../request.commands';
import type { RequestEvent } from '../request.events';
import type { RequestState } from '../request.state';
import { isoDate, notClosed, registered, requiredCode } from './decision-guards';

/** The file types a letter or photo may be (ADR 29); the caller checks the content, not the name. */
export const attachmentContentTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;

const SHA256 = /^[0-9a-f]{64}$/;

export const addAttachment = ({ data }: AddAttachment, state: RequestState): RequestEvent[] => {
  const request = registered(state, data.trackingCode);
  notClosed(request);
  if (!(attachmentContentTypes as readonly string[]).includes(data.contentType)) {
    throw new DomainError('INVALID_VALUE', 'must be a PDF, JPEG or PNG file', 'contentType');
  }
  if (!Number.isInteger(data.size) || data.size <= 0)
    throw new DomainError('INVALID_VALUE', 'must be a positive number of bytes', 'size');
  if (!SHA256.test(data.sha256 ?? ''))
    throw new DomainError('INVALID_VALUE', 'must be a lowercase hex SHA-256', 'sha256');
  const attachmentId = requiredCode(data.attachmentId, 'attachmentId');
  // The same file id again (a retried upload) is already recorded.
  if (request.attachmentIds?.includes(attachmentId)) return [];
  return [
    {
      type: 'AttachmentAdded',
      data: {
        trackingCode: request.trackingCode,
        attachmentId,
        contentType: data.contentType,
        size: data.size,
        sha256: data.sha256,
        addedBy: requiredCode(data.addedBy, 'addedBy'),
        at: isoDate(data.now, 'now'),
      },
    },
  ];
};
