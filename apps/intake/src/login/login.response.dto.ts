import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { tokenRoles } from '@samad/service-kit';

export class LoginResponse {
  @ApiProperty({ description: 'Signed JWT (EdDSA); send it as `Authorization: Bearer <token>`' })
  accessToken!: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType!: 'Bearer';

  @ApiProperty({ example: 900, description: 'Seconds until the token expires' })
  expiresIn!: number;

  @ApiProperty({ enum: tokenRoles, example: 'operator' })
  role!: string;

  @ApiPropertyOptional({ example: 'ABFA', description: 'The agency an agency_staff user acts for' })
  agencyCode?: string;
}
