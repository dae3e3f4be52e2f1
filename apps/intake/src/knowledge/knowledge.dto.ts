import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { articleStatuses, type ArticleStatus } from '@samad/request-lifecycle';
import { categories } from '@samad/reference-data';
import { PageFields, PageQuery } from '@samad/service-kit';

const categoryCodes = categories.map((c) => c.code);

export class WriteArticleDto {
  @ApiProperty({ enum: categoryCodes, example: 'MUN-PERMIT' })
  @IsString()
  @IsIn(categoryCodes, { message: 'unknown category code (see GET /api/catalog)' })
  categoryCode!: string;

  @ApiProperty({ example: 'مدارک لازم برای پروانه ساخت', maxLength: 300 })
  @IsString()
  @Length(1, 300)
  titleFa!: string;

  @ApiPropertyOptional({ example: 'Documents for a building permit', maxLength: 300 })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  titleEn?: string;

  @ApiProperty({
    description: 'How the service works, documents, the applicable law, where to go',
    maxLength: 20000,
  })
  @IsString()
  @Length(1, 20000)
  body!: string;

  @ApiProperty({ enum: articleStatuses, default: 'draft' })
  @IsOptional()
  @IsIn(articleStatuses)
  status?: ArticleStatus;
}

export class EditArticleDto extends WriteArticleDto {
  @ApiProperty({ description: 'The version this edit was made on (a stale edit gets 409)', example: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  baseVersion!: number;
}

export class SearchArticlesQueryDto extends PageQuery {
  @ApiPropertyOptional({
    description: 'Words as typed; Arabic ي/ك, Persian digits and half-spaces all match',
  })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  q?: string;

  @ApiPropertyOptional({ enum: categoryCodes })
  @IsOptional()
  @IsIn(categoryCodes, { message: 'unknown category code (see GET /api/catalog)' })
  categoryCode?: string;
}

export class SuggestArticlesQueryDto {
  @ApiProperty({ enum: categoryCodes })
  @IsIn(categoryCodes, { message: 'unknown category code (see GET /api/catalog)' })
  categoryCode!: string;

  @ApiPropertyOptional({ description: 'The description as the operator types it' })
  @IsOptional()
  @IsString()
  @Length(0, 4000)
  description?: string;
}

export class ArticleDto {
  @ApiProperty() articleId!: string;
  @ApiProperty() version!: number;
  @ApiProperty() categoryCode!: string;
  @ApiProperty() categoryFa!: string;
  @ApiProperty() titleFa!: string;
  @ApiPropertyOptional() titleEn?: string;
  @ApiProperty() body!: string;
  @ApiProperty({ enum: articleStatuses }) status!: ArticleStatus;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() updatedAtJalali!: string;
  @ApiPropertyOptional({ description: 'ts_rank of the match' }) rank?: number;
}

export class ArticleListDto {
  @ApiProperty({ type: [ArticleDto] }) articles!: ArticleDto[];
}

export class ArticlePageDto extends PageFields {
  @ApiProperty({ type: [ArticleDto], description: 'Best match first, then newest, then by id' })
  items!: ArticleDto[];
  @ApiProperty({ type: [ArticleDto], description: 'The same as `items` (kept for earlier clients)' })
  articles!: ArticleDto[];
}
