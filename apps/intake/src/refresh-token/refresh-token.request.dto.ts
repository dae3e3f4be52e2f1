import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RefreshTokenRequest {
  @ApiProperty({ description: 'The refresh token the last sign-in or refresh answered' })
  @IsString()
  @Length(20, 200)
  refreshToken!: string;
}
