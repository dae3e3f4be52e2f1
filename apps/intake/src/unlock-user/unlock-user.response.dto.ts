import { ApiProperty } from '@nestjs/swagger';

export class UnlockUserResponse {
  @ApiProperty({ example: 'operator1' })
  username!: string;

  @ApiProperty({ example: 7, description: 'Failed sign-ins forgotten, from every client' })
  forgottenFailures!: number;
}
