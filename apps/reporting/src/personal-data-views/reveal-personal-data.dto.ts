import { ApiProperty } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { VIEW_REASON_MAX_LENGTH, VIEW_REASON_MIN_LENGTH } from '@samad/request-lifecycle';

export class RevealPersonalDataRequest {
  @ApiProperty({
    type: String,
    minLength: VIEW_REASON_MIN_LENGTH,
    maxLength: VIEW_REASON_MAX_LENGTH,
    example: 'بررسی شکایت شهروند از عملکرد دستگاه به دستور بازرس',
    description: `Why the clear values are needed (${VIEW_REASON_MIN_LENGTH}–${VIEW_REASON_MAX_LENGTH} characters after trimming); recorded with the view`,
  })
  // parseViewReason checks it all (present, text, 5–500 characters once normalised), naming `reason` once.
  @Allow()
  reason!: unknown;
}

export class RevealedCitizenResponse {
  @ApiProperty({ example: 0, description: 'Place in the registration (0 = the first signatory)' })
  index!: number;
  @ApiProperty({ example: false }) erased!: boolean;
  @ApiProperty({
    example: '0499370899',
    nullable: true,
    type: String,
    description: 'null when erased, or for a citizen who filed online by mobile alone (ADR 39)',
  })
  nationalCode!: string | null;
  @ApiProperty({ example: '09171234567', nullable: true, type: String }) mobile!: string | null;
}

export class RevealPersonalDataResponse {
  @ApiProperty({ example: '1000000170' }) trackingCode!: string;
  @ApiProperty({ type: RevealedCitizenResponse, isArray: true }) citizens!: RevealedCitizenResponse[];
  @ApiProperty({ format: 'uuid', description: 'The PersonalDataViewed fact recorded for this view' })
  viewId!: string;
  @ApiProperty({ example: '2026-12-02T10:00:00.000Z' }) viewedAt!: string;
}
