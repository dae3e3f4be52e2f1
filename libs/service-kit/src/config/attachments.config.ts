import { z } from 'zod';
import { attachmentsConfigFrom, type AttachmentsConfig } from '@samad/personal-data';

const optional = z.string().optional();

/** ATTACHMENT_MAX_BYTES, ATTACHMENT_STORAGE and the S3_* settings (ADR 29); a bad value stops the start. */
export const attachmentsSchema = z
  .object({
    ATTACHMENT_MAX_BYTES: optional,
    ATTACHMENT_STORAGE: optional,
    S3_ENDPOINT: optional,
    S3_BUCKET: optional,
    S3_REGION: optional,
    S3_ACCESS_KEY_ID: optional,
    S3_SECRET_ACCESS_KEY: optional,
  })
  .transform((values, context): AttachmentsConfig => {
    try {
      return attachmentsConfigFrom(values);
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });
