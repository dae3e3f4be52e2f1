import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { codesOf } from '@samad/reference-data';

const agencyCodes = codesOf('agency');

export const asAgencyCode = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

/**
 * `?agency=CODE`. Agency staff act for the agency in their token: naming another one answers 404, as if
 * the request or inbox did not exist. Supervisors and auditors name the inbox they look at.
 */
export class ActingAgencyQuery {
  @ApiPropertyOptional({
    example: 'ABFA',
    enum: agencyCodes,
    description:
      'Agency staff: optional, must be their own agency. Supervisors and auditors (inbox only): required.',
  })
  @IsOptional()
  @Transform(asAgencyCode)
  @IsIn(agencyCodes, { message: 'دستگاهی با این کد نیست (unknown agency code)' })
  agency?: string;
}
