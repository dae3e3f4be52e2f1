import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ReturnRequestRequest {
  @ApiProperty({
    example: 'این موضوع در حوزه‌ی شهرداری است',
    description: 'Why the request is not this agency’s; routing sends it elsewhere',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
