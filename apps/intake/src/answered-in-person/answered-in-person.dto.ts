import { ApiProperty, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsString, Length, ValidateNested } from 'class-validator';
import { answerOutcomes, type AnswerOutcome } from '@samad/request-lifecycle';
import { RegisterRequestDto } from '../register-request/register-request.request.dto';
import { RegisterRequestResponseDto } from '../register-request/register-request.response.dto';

export class InPersonAnswerDto {
  @ApiProperty({ enum: answerOutcomes, description: 'مثبت، منفی، جزئی' })
  @IsIn(answerOutcomes)
  outcome!: AnswerOutcome;

  @ApiProperty({ minLength: 1, maxLength: 4000, example: 'اکیپ در محل است؛ آب تا ساعت ۱۸ وصل می‌شود' })
  @IsString()
  @Length(1, 4000)
  text!: string;
}

/** A registration as an operator's, with the manager's answer; never also answered from an article. */
export class AnsweredInPersonRequestDto extends OmitType(RegisterRequestDto, [
  'answeredAtFirstContact',
] as const) {
  @ApiProperty({
    type: InPersonAnswerDto,
    description: "The manager's answer, for the manager's agency (named like `answeredAtFirstContact`)",
  })
  @IsDefined()
  @ValidateNested()
  @Type(() => InPersonAnswerDto)
  answeredInPerson!: InPersonAnswerDto;
}

/** As an operator's registration answers, with `status: answered` and `answeredBy`: the manager's agency. */
export class AnsweredInPersonResponseDto extends RegisterRequestResponseDto {}
