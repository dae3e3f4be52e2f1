import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class DeclareHolidayRequest {
  @ApiProperty({
    example: '1410/04/15',
    description: 'Jalali date, YYYY/MM/DD or YYYY-MM-DD; Persian or Arabic digits accepted (۱۴۱۰/۰۴/۱۵)',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  date!: string;

  @ApiProperty({ example: 'تاسوعای حسینی', description: 'Name of the holiday, in Persian' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  nameFa!: string;
}

export class HolidayResponse {
  @ApiProperty({ example: '1410-04-15', description: 'Jalali date (Latin digits)' }) date!: string;
  @ApiProperty({ example: '۱۵ تیر ۱۴۱۰', description: 'Jalali date as people read it' }) dateFa!: string;
  @ApiProperty({ example: '2031-07-06', description: 'The Gregorian day in Tehran' }) gregorianDate!: string;
  @ApiProperty({ example: 'تاسوعای حسینی' }) nameFa!: string;
  @ApiProperty({
    enum: ['fixed', 'declared'],
    description: 'fixed: an official solar holiday, computed; declared: entered by an administrator',
  })
  kind!: 'fixed' | 'declared';
  @ApiPropertyOptional({ example: 'admin1', description: 'Who declared it (declared holidays)' })
  declaredBy?: string;
  @ApiPropertyOptional({ example: '2026-12-02T08:30:00.000Z' }) declaredAt?: string;
}

export class HolidaysResponse {
  @ApiProperty({ example: 1410, description: 'Jalali year listed' }) year!: number;
  @ApiProperty({ type: [HolidayResponse], description: 'Every holiday of the year, in calendar order' })
  items!: HolidayResponse[];
}
