import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { tokenRoles } from '@samad/service-kit';

export class LoginResponse {
  @ApiProperty({ description: 'Signed JWT (EdDSA); send it as `Authorization: Bearer <token>`' })
  accessToken!: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType!: 'Bearer';

  @ApiProperty({ example: 900, description: 'Seconds until the token expires' })
  expiresIn!: number;

  @ApiProperty({
    description:
      'Opaque; exchange it at POST /api/auth/refresh for a new access token and a new refresh token. ' +
      'Each one works once; presenting a used one again ends the whole session.',
  })
  refreshToken!: string;

  @ApiProperty({
    example: 28800,
    description: 'Seconds the session (and so its refresh tokens) lasts at most',
  })
  refreshExpiresIn!: number;

  @ApiProperty({ enum: tokenRoles, example: 'operator' })
  role!: string;

  @ApiPropertyOptional({ example: 'ABFA', description: 'The agency an agency_staff user acts for' })
  agencyCode?: string;
}
