import { ApiProperty } from '@nestjs/swagger';
import { NamedRefDto } from '../shared/named-ref.response.dto';

export class CatalogCategoryDto extends NamedRefDto {
  @ApiProperty({ example: 3, description: 'Working days the agency has to answer' })
  deadlineDays!: number;
}

export class GetCatalogResponseDto {
  @ApiProperty({ type: [NamedRefDto] })
  counties!: NamedRefDto[];

  @ApiProperty({ type: [CatalogCategoryDto] })
  categories!: CatalogCategoryDto[];

  @ApiProperty({ type: [NamedRefDto], description: 'request, complaint, demand' })
  kinds!: NamedRefDto[];

  @ApiProperty({ type: [NamedRefDto], description: 'phone, desk, trip_letter, web' })
  channels!: NamedRefDto[];
}
