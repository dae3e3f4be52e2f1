import { PageFields } from '@samad/service-kit';
import { ApiProperty } from '@nestjs/swagger';

class CodeAndNamesDto {
  @ApiProperty({ example: 'ABFA' }) code!: string;
  @ApiProperty({ example: 'شرکت آب و فاضلاب استان هرمزگان' }) nameFa!: string;
  @ApiProperty({ example: 'Provincial Water and Wastewater Company' }) nameEn!: string;
}

export class EscalatedRequestDto {
  @ApiProperty({ example: '1000000170' }) trackingCode!: string;
  @ApiProperty({ type: CodeAndNamesDto, nullable: true }) agency!: CodeAndNamesDto | null;
  @ApiProperty({ type: CodeAndNamesDto }) county!: CodeAndNamesDto;
  @ApiProperty({ type: CodeAndNamesDto }) category!: CodeAndNamesDto;
  @ApiProperty({ example: 'acknowledged' }) status!: string;
  @ApiProperty({ enum: [1, 2] }) level!: number;
  @ApiProperty({ enum: ['agency_manager', 'governor_inspection_office'] }) escalatedTo!: string;
  @ApiProperty({ format: 'date-time' }) escalatedAt!: string;
  @ApiProperty({ example: '۱۱ آذر ۱۴۰۵، ۱۶:۰۰' }) escalatedAtJalali!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) dueAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) dueAtJalali!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) deadlineMissedAt!: string | null;
}

export class EscalationsResponseDto extends PageFields {
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty() asOfJalali!: string;
  @ApiProperty({
    type: [EscalatedRequestDto],
    description: 'Inspection office first, then earliest escalated, then by tracking code',
  })
  items!: EscalatedRequestDto[];
  @ApiProperty({
    type: [EscalatedRequestDto],
    deprecated: true,
    description: 'Deprecated: the same as `items`',
  })
  requests!: EscalatedRequestDto[];
}
