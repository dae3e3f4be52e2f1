import { openPersonalBytes, newDataKey, sealPersonalBytes } from '../personal-data.cipher';
import { attachmentsConfigFrom, DEFAULT_ATTACHMENT_MAX_BYTES } from './attachments.config';
import { attachmentTypeOf } from './attachment-type';

describe('attachment type, sealing and configuration', () => {
  it('reads the type from the content, whatever the file is called', () => {
    expect(attachmentTypeOf(Buffer.from('%PDF-1.7\n...'))).toBe('application/pdf');
    expect(attachmentTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]))).toBe(
      'image/jpeg',
    );
    expect(attachmentTypeOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe(
      'image/png',
    );
    expect(attachmentTypeOf(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]))).toBeUndefined(); // ELF
    expect(attachmentTypeOf(Buffer.from('MZ\x90\x00\x03\x00'))).toBeUndefined(); // Windows executable
    expect(attachmentTypeOf(Buffer.from('just text named scan.pdf'))).toBeUndefined();
  });

  it('seals bytes so that only the same key and place open them', () => {
    const key = newDataKey();
    const file = Buffer.from('%PDF-1.4 letter');
    const sealed = sealPersonalBytes(key, 'attachment:a', file);
    expect(sealed.includes(Buffer.from('%PDF'))).toBe(false);
    expect(openPersonalBytes(key, 'attachment:a', sealed).equals(file)).toBe(true);
    expect(() => openPersonalBytes(key, 'attachment:b', sealed)).toThrow();
    expect(() => openPersonalBytes(newDataKey(), 'attachment:a', sealed)).toThrow();
  });

  it('takes 10 MB in PostgreSQL by default, and refuses a bad limit or an incomplete S3 setting', () => {
    expect(attachmentsConfigFrom({})).toEqual({
      maxBytes: DEFAULT_ATTACHMENT_MAX_BYTES,
      storage: { kind: 'postgres' },
    });
    expect(DEFAULT_ATTACHMENT_MAX_BYTES).toBe(10 * 1024 * 1024);
    expect(() => attachmentsConfigFrom({ ATTACHMENT_MAX_BYTES: '-1' })).toThrow(/ATTACHMENT_MAX_BYTES/);
    expect(() => attachmentsConfigFrom({ ATTACHMENT_STORAGE: 's3' })).toThrow(/S3_ENDPOINT/);
    expect(
      attachmentsConfigFrom({
        ATTACHMENT_STORAGE: 's3',
        S3_ENDPOINT: 'http://minio:9000',
        S3_BUCKET: 'samad',
      }).storage,
    ).toMatchObject({ kind: 's3', endpoint: 'http://minio:9000', bucket: 'samad', region: 'us-east-1' });
  });
});
