import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { requestStatuses } from '@samad/request-lifecycle';
import { NamedRefDto } from '../shared/named-ref.response.dto';
import { SearchRequestsDto } from '../search-requests/search-requests.request.dto';

/** What the operator has typed so far: the caller's national code and/or mobile (as a search takes them), the category and county. */
export class PossibleDuplicatesQueryDto extends SearchRequestsDto {
  @ApiProperty({ example: 'WAT-CUT' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  categoryCode!: string;

  @ApiProperty({ example: 'BND' })
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
