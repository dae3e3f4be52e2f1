import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn } from 'class-validator';
import { agencies } from '@samad/reference-data';

const agencyCodes = agencies.map((a) => a.code);

export const asAgencyCode = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

/** `?agency=CODE`: which agency is acting, until token authentication names it (issue #5). */
export class ActingAgencyQuery {
  @ApiProperty({ example: 'ABFA', enum: agencyCodes, description: 'The acting agency (case-insensitive)' })
  @Transform(asAgencyCode)
  @IsIn(agencyCodes, { message: 'دستگاهی با این کد نیست (unknown agency code)' })
  agency!: string;
}
