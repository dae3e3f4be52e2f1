import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { parseNationalCode } from '@samad/request-lifecycle';
import { ParsesWith } from '../shared/parses-with.validator';

export class EraseCitizenDto {
  @ApiProperty({
    description: 'کد ملی of the citizen to erase; Persian digits and dashes accepted',
    example: '۰۴۹۹۳۷۰۸۹۹',
  })
  @IsString()
  @MaxLength(32)
  @ParsesWith(parseNationalCode)
  nationalCode!: string;
}
