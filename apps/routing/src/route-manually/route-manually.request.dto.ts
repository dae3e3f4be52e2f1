import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class RouteManuallyRequest {
  @ApiProperty({
    example: 'OSTANDARI',
    description: 'Code of the agency that must answer (GET /api/routing/agencies)',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  agencyCode!: string;
}
