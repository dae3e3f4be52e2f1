import { ApiProperty } from '@nestjs/swagger';
import { PageFields } from '@samad/service-kit';

class CodeAndNamesDto {
  @ApiProperty({ example: 'ABFA' }) code!: string;
  @ApiProperty({ example: 'شرکت آب و فاضلاب استان هرمزگان' }) nameFa!: string;
  @ApiProperty({ example: 'Provincial Water and Wastewater Company' }) nameEn!: string;
}

export class PendingExtensionDto {
  @ApiProperty({ example: '1000000170' }) trackingCode!: string;
  @ApiProperty({ example: '7f0c…', description: 'Names the extension when approving or refusing it' })
  extensionId!: string;
  @ApiProperty({ type: CodeAndNamesDto, nullable: true }) agency!: CodeAndNamesDto | null;
  @ApiProperty({ type: CodeAndNamesDto }) county!: CodeAndNamesDto;
  @ApiProperty({ type: CodeAndNamesDto }) category!: CodeAndNamesDto;
  @ApiProperty({ example: 'acknowledged' }) status!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) dueAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) dueAtJalali!: string | null;
  @ApiProperty({ format: 'date-time', description: 'The due date the agency proposes' })
  proposedDueAt!: string;
  @ApiProperty({ example: '۲۹ آذر ۱۴۰۵، ۱۳:۳۰' }) proposedDueAtJalali!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty() requestedAtJalali!: string;
}

export class PendingExtensionsResponseDto extends PageFields {
  @ApiProperty({ type: [PendingExtensionDto], description: 'Longest waiting first, then by tracking code' })
  items!: PendingExtensionDto[];
}
