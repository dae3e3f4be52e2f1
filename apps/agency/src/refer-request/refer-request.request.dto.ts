import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** A unit, a staff member, or both; a note is optional. */
export class ReferRequestRequest {
  @ApiPropertyOptional({ example: 'امور مشترکین منطقه ۲', description: 'Unit inside the agency' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  unit?: string;

  @ApiPropertyOptional({ example: 'مهندس احمدی', description: 'Staff member inside the agency' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  toStaff?: string;

  @ApiPropertyOptional({ example: 'لطفاً تا پایان هفته بررسی شود' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
