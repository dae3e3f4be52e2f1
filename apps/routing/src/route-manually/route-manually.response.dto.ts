import { ApiProperty } from '@nestjs/swagger';

export class RouteManuallyResponse {
  @ApiProperty({ example: '1000000170' }) trackingCode!: string;
  @ApiProperty({ example: 'routed' }) status!: string;
  @ApiProperty({ example: 'OSTANDARI' }) agencyCode!: string;
  @ApiProperty({ example: 'supervisor' }) routedBy!: string;
  @ApiProperty({ example: '2026-12-10T08:30:00.000Z', description: 'Answer due (UTC)' }) dueAt!: string;
  @ApiProperty({ example: '۱۹ آذر ۱۴۰۵، ۱۲:۰۰', description: 'Answer due, Jalali, Tehran time' })
  dueAtJalali!: string;
}
