import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginRequest {
  @ApiProperty({ example: 'operator1', description: 'Case-insensitive' })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty({ example: 'samad-demo', format: 'password' })
  @IsString()
  @Length(1, 256)
  password!: string;
}
