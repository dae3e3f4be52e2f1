import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { parseIranianMobile, parseNationalCode, requestStatuses } from '@samad/request-lifecycle';
import { NamedRefDto } from '../shared/named-ref.response.dto';
import { ParsesWith } from '../shared/parses-with.validator';

/** What the operator has typed so far: the caller's national code and/or mobile, the category and county. */
export class PossibleDuplicatesQueryDto {
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

  @ApiProperty({ example: 'water_cut' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  categoryCode!: string;

  @ApiProperty({ example: 'bandar_abbas' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  countyCode!: string;
}

/** One of the caller's open requests: no personal data, only what names the request. */
export class PossibleDuplicateDto {
  @ApiProperty({ example: '4939146576' })
  trackingCode!: string;

  @ApiProperty({ example: '493-914-6576' })
  trackingCodeFormatted!: string;

  @ApiProperty({ type: NamedRefDto })
  category!: NamedRefDto;

  @ApiProperty({ type: NamedRefDto })
  county!: NamedRefDto;

  @ApiProperty({ enum: requestStatuses })
  status!: string;

  @ApiProperty({ example: 'ارجاع به دستگاه' })
  statusFa!: string;

  @ApiProperty({ example: '2024-10-15T05:30:00.000Z' })
  registeredAt!: string;

  @ApiProperty({ example: '۲۴ مهر ۱۴۰۳، ۹:۰۰' })
  registeredAtJalali!: string;
}

export class PossibleDuplicatesResponseDto {
  @ApiProperty({ type: [PossibleDuplicateDto] })
  items!: PossibleDuplicateDto[];
}
