import { ApiProperty } from '@nestjs/swagger';

/** A reference-data item as shown to people: its code and its Persian and English names. */
export class NamedRefDto {
  @ApiProperty({ example: 'MIN' })
  code!: string;

  @ApiProperty({ example: 'میناب' })
  nameFa!: string;

  @ApiProperty({ example: 'Minab' })
  nameEn!: string;
}
