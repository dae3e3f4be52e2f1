import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageFields, PageQuery } from '@samad/service-kit';

export class ListPersonalDataViewsQuery extends PageQuery {
  @ApiPropertyOptional({ example: '1000000170', description: 'Views of this request only' })
  @IsOptional()
  @Matches(/^\d{10}$/, { message: 'trackingCode must be 10 digits' })
  trackingCode?: string;

  @ApiPropertyOptional({ example: 'supervisor1', description: 'Views by this user (token subject) only' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  viewer?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z', description: 'Viewed at or after (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-31T00:00:00Z',
    description: 'Viewed before (ISO-8601, exclusive)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date or date-time' })
  to?: string;
}

export class PersonalDataViewResponse {
  @ApiProperty({ format: 'uuid' }) viewId!: string;
  @ApiProperty({ example: '1000000170' }) trackingCode!: string;
  @ApiProperty({ example: 'auditor1' }) viewer!: string;
  @ApiProperty({ example: 'auditor' }) role!: string;
  @ApiPropertyOptional({ example: 'ABFA', description: 'The agency an agency user or system acted for' })
  agencyCode?: string;
  @ApiProperty({ example: '2026-12-02T10:00:00.000Z' }) viewedAt!: string;
  @ApiProperty({ example: 'بررسی شکایت شهروند به دستور بازرس' }) reason!: string;
  @ApiProperty({ example: ['nationalCode', 'mobile'], type: [String] }) fields!: string[];
  @ApiProperty({ example: '12', description: 'Revision in the access-audit stream (decimal string)' })
  revision!: string;
}

export class PersonalDataViewsPageResponse extends PageFields {
  @ApiProperty({ type: PersonalDataViewResponse, isArray: true, description: 'Newest first' })
  items!: PersonalDataViewResponse[];
}

export class PersonalDataViewCountsQuery {
  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z', description: 'Viewed at or after (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-31T00:00:00Z',
    description: 'Viewed before (ISO-8601, exclusive)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date or date-time' })
  to?: string;
}

export class PersonalDataViewCountsResponse {
  @ApiProperty({ example: { from: null, to: null } }) window!: { from: string | null; to: string | null };
  @ApiProperty({ example: 17, description: 'Views of personal data in clear in the window' }) total!: number;
  @ApiProperty({ example: { auditor: 3, supervisor: 4, agency_system: 10 } })
  byRole!: Record<string, number>;
  @ApiProperty({ example: 9, description: 'Distinct requests whose personal data was viewed' })
  requests!: number;
}
