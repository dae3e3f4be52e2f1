import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
} from 'class-validator';
import { codesOf } from '@samad/reference-data';
import { DomainError, parseCalendarDay } from '@samad/request-lifecycle';
import { ParsesWith } from '../shared/parses-with.validator';

const countyCodes = codesOf('county');
const day = (text: string): string => {
  const key = parseCalendarDay(text);
  if (!key) throw new DomainError('INVALID_VALUE', 'must be a Jalali (۱۴۰۵/۰۹/۱۲) or ISO (2026-12-03) date');
  return key;
};

export class CreateCampaignDto {
  @ApiProperty({ example: 'سفر استانی رئیس‌جمهور به هرمزگان' })
  @IsString()
  @Length(1, 300)
  name!: string;

  @ApiProperty({ type: [String], example: ['MIN', 'BND'], description: 'County codes from GET /api/catalog' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsIn(countyCodes, { each: true, message: 'unknown county code (see GET /api/catalog)' })
  countyCodes!: string[];

  @ApiProperty({ example: '1405/09/12', description: 'Jalali or ISO date' })
  @IsString()
  @MaxLength(32)
  @ParsesWith(day)
  startsOn!: string;

  @ApiProperty({ example: '1405/09/14' })
  @IsString()
  @MaxLength(32)
  @ParsesWith(day)
  endsOn!: string;

  @ApiProperty({ example: '1405/10/14', description: 'Every letter must be answered by the end of this day' })
  @IsString()
  @MaxLength(32)
  @ParsesWith(day)
  targetOn!: string;
}

export class CampaignResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) countyCodes!: string[];
  @ApiProperty({ example: '2026-12-03' }) startsOn!: string;
  @ApiProperty() endsOn!: string;
  @ApiProperty() targetOn!: string;
  @ApiProperty({ example: '1405/10/14' }) targetOnJalali!: string;
  @ApiProperty({ description: 'End of the target day, Tehran time (UTC instant)' }) targetAt!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: 'open' | 'closed';
}

export class ListCampaignsQueryDto {
  @ApiProperty({ enum: ['open', 'closed'], required: false, description: 'Only campaigns of this status' })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';
}

export class CampaignsResponseDto {
  @ApiProperty({ type: [CampaignResponseDto] }) items!: CampaignResponseDto[];
}
