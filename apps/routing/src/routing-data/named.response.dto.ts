import { ApiProperty } from '@nestjs/swagger';

/** A reference-data entry (county, agency, category) with its Persian and English names. */
export class NamedResponse {
  @ApiProperty({ example: 'ABFA' }) code!: string;
  @ApiProperty({ example: 'شرکت آب و فاضلاب استان هرمزگان' }) nameFa!: string;
  @ApiProperty({ example: 'Provincial Water and Wastewater Company' }) nameEn!: string;
}

export class AgenciesResponse {
  @ApiProperty({ type: NamedResponse, isArray: true }) items!: NamedResponse[];
}
