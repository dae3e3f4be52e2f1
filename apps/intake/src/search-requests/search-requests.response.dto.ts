import { PageFields } from '@samad/service-kit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { requestChannels, requestKinds, requestStatuses } from '@samad/request-lifecycle';
import { NamedRefDto } from '../shared/named-ref.response.dto';

export class FoundRequestDto {
  @ApiProperty({ example: '4939146576' })
  trackingCode!: string;

  @ApiProperty({ example: '493-914-6576' })
  trackingCodeFormatted!: string;

  @ApiProperty({ enum: requestStatuses })
  status!: string;

  @ApiProperty({ example: 'ارجاع به دستگاه' })
  statusFa!: string;

  @ApiProperty({ enum: requestKinds })
  kind!: string;

  @ApiProperty({ enum: requestChannels })
  channel!: string;

  @ApiProperty({ type: NamedRefDto })
  category!: NamedRefDto;

  @ApiProperty({ type: NamedRefDto })
  county!: NamedRefDto;

  @ApiPropertyOptional({ type: NamedRefDto, description: 'The agency holding or having answered it' })
  agency?: NamedRefDto;

  @ApiProperty({ example: '2024-10-15T05:30:00.000Z' })
  registeredAt!: string;

  @ApiProperty({ example: '۲۴ مهر ۱۴۰۳، ۹:۰۰' })
  registeredAtJalali!: string;
}

export class SearchRequestsResponseDto extends PageFields {
  @ApiProperty({ type: [FoundRequestDto], description: 'Newest first, then by tracking code' })
  items!: FoundRequestDto[];
}
