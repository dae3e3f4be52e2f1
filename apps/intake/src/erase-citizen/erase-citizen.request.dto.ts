import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { parseIranianMobile, parseNationalCode } from '@samad/request-lifecycle';
import { ParsesWith } from '../shared/parses-with.validator';

/** Exactly one of the two: a citizen is erased by national code, or by mobile if they filed without one (ADR 39). */
export class EraseCitizenDto {
  @ApiPropertyOptional({
    description: 'کد ملی of the citizen to erase; Persian digits and dashes accepted',
    example: '۰۴۹۹۳۷۰۸۹۹',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @ParsesWith(parseNationalCode)
  nationalCode?: string;

  @ApiPropertyOptional({
    description:
      'The mobile of a citizen who filed online without a national code (ADR 39): erases what they filed by ' +
      'that mobile alone. A citizen registered with a national code is erased by the national code.',
    example: '09171234567',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @ParsesWith(parseIranianMobile)
  mobile?: string;
}
