import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { answerOutcomes, type AnswerOutcome } from '@samad/request-lifecycle';

export class AnswerRequestRequest {
  @ApiProperty({ enum: answerOutcomes, example: 'positive' })
  @IsIn(answerOutcomes)
  outcome!: AnswerOutcome;

  @ApiProperty({
    example: 'خط انتقال تعمیر شد و آب از ساعت ۱۴ وصل است.',
    description: 'The answer to the citizen',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  text!: string;
}
