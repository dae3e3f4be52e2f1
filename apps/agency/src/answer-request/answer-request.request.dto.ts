import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { answerOutcomes, type AnswerOutcome } from '@samad/request-lifecycle';

export class AnswerRequestRequest {
  @ApiProperty({ enum: answerOutcomes, example: 'positive' })
  @IsIn(answerOutcomes)
  outcome!: AnswerOutcome;

  @ApiPropertyOptional({
    example: 'خط انتقال تعمیر شد و آب از ساعت ۱۴ وصل است.',
    description: 'The answer to the citizen (required unless templateId is given)',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  text?: string;

  @ApiPropertyOptional({
    description:
      'An answer template of the agency: without `text` it is filled and sent as is; with `text` (the edited fill) it is recorded as used',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  templateId?: string;
}
