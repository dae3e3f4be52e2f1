import { ApiProperty } from '@nestjs/swagger';
import type { AttachmentMetadata } from '@samad/personal-data';

export class AttachmentResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '1000000170' }) trackingCode!: string;
  @ApiProperty({ enum: ['application/pdf', 'image/jpeg', 'image/png'] }) contentType!: string;
  @ApiProperty({ description: 'Bytes' }) size!: number;
  @ApiProperty({ description: 'SHA-256 of the content, hex' }) sha256!: string;
  @ApiProperty() addedAt!: string;
}

export const attachmentResponseOf = (m: AttachmentMetadata): AttachmentResponseDto => ({
  id: m.id,
  trackingCode: m.trackingCode,
  contentType: m.contentType,
  size: m.size,
  sha256: m.sha256,
  addedAt: m.addedAt.toISOString(),
});
