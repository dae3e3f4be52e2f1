import { filetypeinfo } from 'magic-bytes.js';

/** The types a scanned letter or photo may be. */
export const allowedAttachmentTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentContentType = (typeof allowedAttachmentTypes)[number];

/**
 * The file's type read from its first bytes (magic numbers), never from its name or declared type: an
 * executable renamed `.pdf` is what it is. Undefined for anything but PDF, JPEG and PNG.
 */
export const attachmentTypeOf = (bytes: Uint8Array): AttachmentContentType | undefined => {
  const found = filetypeinfo(bytes.subarray(0, 64)).map((t) => t.mime);
  return allowedAttachmentTypes.find((type) => found.includes(type));
};
