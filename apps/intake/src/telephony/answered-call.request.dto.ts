import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { parseIranianMobile } from '@samad/request-lifecycle';
import { ParsesWith } from '../shared/parses-with.validator';

/** What the PBX's dialplan sends when an operator answers (docs/telephony.md). */
export class AnsweredCallRequestDto {
  @ApiProperty({
    description: "The caller's number as the PBX has it: 0917…, +98917…, 98917…, Persian or Arabic digits",
    example: '+989171234567',
  })
  @IsString()
  @MaxLength(32)
  @ParsesWith((value) => parseIranianMobile(value, 'callerNumber'))
  callerNumber!: string;

  @ApiProperty({ description: "The answering operator's extension (2–8 digits)", example: '201' })
  @IsString()
  @Matches(/^[0-9\u06f0-\u06f9\u0660-\u0669]{2,8}$/, { message: 'must be 2 to 8 digits' })
  extension!: string;

  @ApiPropertyOptional({
    description: "The PBX's own id of the call (Asterisk's ${UNIQUEID}); one is made up when absent",
    example: '1718000000.42',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'must be 1 to 64 letters, digits, dots, dashes' })
  callId?: string;
}
