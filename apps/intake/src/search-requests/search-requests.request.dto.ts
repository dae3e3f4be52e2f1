import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { parseIranianMobile, parseNationalCode } from '@samad/request-lifecycle';
import { PageQuery } from '@samad/service-kit';
import { ParsesWith } from '../shared/parses-with.validator';

/** The body of a search: exactly one of the two, and optionally `page`/`pageSize`; Persian digits, spaces and dashes are accepted as the operator types them. */
export class SearchRequestsDto extends PageQuery {
  @ApiPropertyOptional({ description: 'کد ملی of the caller', example: '۰۴۹۹۳۷۰۸۹۹' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @ParsesWith(parseNationalCode)
  nationalCode?: string;

  @ApiPropertyOptional({ description: 'Mobile number of the caller', example: '09171234567' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @ParsesWith(parseIranianMobile)
  mobile?: string;
}
