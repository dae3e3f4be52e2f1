import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AttachmentResponseDto } from '../attachments/attachment.response.dto';
import { PossibleDuplicateDto } from '../possible-duplicates/possible-duplicates.dto';

export class RegisterRequestResponseDto {
  @ApiPropertyOptional({
    type: [AttachmentResponseDto],
    description: 'The files of a multipart registration, in the order sent (ADR 29)',
  })
  attachments?: AttachmentResponseDto[];

  @ApiProperty({ example: '4939146576', description: 'کد رهگیری: 10 digits, the last one a check digit' })
  trackingCode!: string;

  @ApiProperty({ example: '493-914-6576', description: 'Grouped for reading aloud' })
  trackingCodeFormatted!: string;

  @ApiProperty({
    enum: ['registered', 'closed', 'answered'],
    description:
      "closed when answered at first contact; answered when an agency's manager answered in person",
  })
  status!: 'registered' | 'closed' | 'answered';

  @ApiPropertyOptional({ description: 'The article cited when answered at first contact' })
  answeredAtFirstContact?: { articleId: string; version: number };

  @ApiPropertyOptional({
    example: 'ABFA',
    description: 'The agency that answered it, when its manager answered in person (ADR 38)',
  })
  answeredBy?: string;

  @ApiProperty({ enum: ['normal', 'urgent', 'critical'], description: 'As registered' })
  priority!: 'normal' | 'urgent' | 'critical';

  @ApiProperty({ example: '2024-10-15T05:30:00.000Z' })
  registeredAt!: string;

  @ApiProperty({ example: '۲۴ مهر ۱۴۰۳، ۹:۰۰' })
  registeredAtJalali!: string;

  @ApiPropertyOptional({
    type: [PossibleDuplicateDto],
    description:
      'ADR 27: the citizens’ other open requests in the same category and county (DUPLICATE_WINDOW_DAYS), ' +
      'so the operator can tell the caller, or a supervisor merge them',
  })
  possibleDuplicates?: PossibleDuplicateDto[];
}
