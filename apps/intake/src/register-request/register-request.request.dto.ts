import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  parseIranianMobile,
  parseNationalCode,
  requestChannels,
  requestKinds,
  requestPriorities,
  type RequestChannel,
  type RequestKind,
  type RequestPriority,
} from '@samad/request-lifecycle';
import { ParsesWith } from '../shared/parses-with.validator';
import { codesOf } from '@samad/reference-data';

// Codes and phones are checked by the domain's parsers, which accept Persian/Arabic-Indic digits as typed.
const countyCodes = codesOf('county');
const categoryCodes = codesOf('category');

export class CitizenDto {
  @ApiPropertyOptional({
    description:
      'کد ملی: 10 digits with its check digit; Persian digits and dashes accepted. Required on every channel ' +
      'but `web`: a citizen filing online without one is registered against the mobile (ADR 39).',
    example: '۰۴۹۹۳۷۰۸۹۹',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @ParsesWith(parseNationalCode)
  nationalCode?: string;

  @ApiProperty({ description: 'Full name; Arabic ي/ك are stored as Persian ی/ک', example: 'زهرا كريمي' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName!: string;

  @ApiProperty({
    description: 'Iranian mobile: 09…, +98 9…, Persian digits accepted',
    example: '۰۹۱۷ ۱۲۳ ۴۵۶۷',
  })
  @IsString()
  @MaxLength(32)
  @ParsesWith(parseIranianMobile)
  mobile!: string;
}

export class CampaignLetterDto {
  @ApiProperty({ description: 'The campaign’s id (POST /api/campaigns)' })
  @IsString()
  @MaxLength(64)
  id!: string;

  @ApiProperty({ example: '۱۲۳۴/ص/۱۴۰۵', description: 'The letter’s number as written on it' })
  @IsString()
  @Length(1, 100)
  letterNumber!: string;

  @ApiProperty({ example: '1405/09/12', description: 'The letter’s date: Jalali or ISO' })
  @IsString()
  @MaxLength(32)
  letterDate!: string;
}

export class FirstContactAnswerDto {
  @ApiProperty({ description: 'The knowledge-base article read to the caller' })
  @IsString()
  @Length(1, 64)
  articleId!: string;
}

export class RegisterRequestDto {
  @ApiProperty({
    enum: requestChannels,
    description: '111 call, people’s desk, provincial-trip letter or web',
  })
  @IsIn(requestChannels)
  channel!: RequestChannel;

  @ApiProperty({ enum: requestKinds, description: 'درخواست، شکایت، مطالبه' })
  @IsIn(requestKinds)
  kind!: RequestKind;

  @ApiProperty({
    description: 'جمعی: true for a collective request (at least two citizens), false for one citizen',
  })
  @IsBoolean()
  collective!: boolean;

  @ApiProperty({ type: [CitizenDto], description: 'Exactly one citizen, or at least two when collective' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => CitizenDto)
  citizens!: CitizenDto[];

  @ApiProperty({ enum: countyCodes, description: 'County code from GET /api/catalog', example: 'MIN' })
  @IsString()
  @IsIn(countyCodes, { message: 'unknown county code (see GET /api/catalog)' })
  countyCode!: string;

  @ApiProperty({
    enum: categoryCodes,
    description: 'Subject category code from GET /api/catalog',
    example: 'WAT-CUT',
  })
  @IsString()
  @IsIn(categoryCodes, { message: 'unknown category code (see GET /api/catalog)' })
  categoryCode!: string;

  @ApiProperty({ minLength: 1, maxLength: 4000, example: 'قطعی آب در محله از سه روز پیش' })
  @IsString()
  @Length(1, 4000)
  description!: string;

  @ApiProperty({
    type: CampaignLetterDto,
    required: false,
    description: 'A provincial-trip letter: its campaign, number and date (ADR 28)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CampaignLetterDto)
  campaign?: CampaignLetterDto;

  @ApiPropertyOptional({
    type: () => FirstContactAnswerDto,
    description: 'Answered on the call from a published article: registered and closed at once (ADR 36)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => FirstContactAnswerDto)
  answeredAtFirstContact?: FirstContactAnswerDto;

  @ApiProperty({
    enum: requestPriorities,
    required: false,
    description: "عادی، فوری، بحرانی; absent, the category's default (GET /api/catalog)",
  })
  @IsOptional()
  @IsIn(requestPriorities)
  priority?: RequestPriority;

  @ApiProperty({
    required: false,
    maxLength: 1000,
    description: "Why the priority differs from the category's default; required then",
  })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  priorityReason?: string;
}
