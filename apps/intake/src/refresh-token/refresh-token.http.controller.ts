import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public } from '@samad/service-kit';
import { LoginResponse } from '../login/login.response.dto';
import { RefreshTokenHandler } from './refresh-token.handler';
import { RefreshTokenRequest } from './refresh-token.request.dto';

@ApiTags('auth')
@Controller('api/auth')
export class RefreshTokenHttpController {
  constructor(private readonly handler: RefreshTokenHandler) {}

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new access token and a new refresh token',
    description:
      'The refresh token is rotated: the one presented stops working. Presenting an already used one ' +
      'again ends the whole session, its access tokens included (a copied token is thus useless).',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiBadRequestResponse({ description: 'No refresh token (Problem Details)' })
  @ApiUnauthorizedResponse({ description: 'Unknown, used, or expired refresh token, or an ended session' })
  refresh(@Body() body: RefreshTokenRequest): Promise<LoginResponse> {
    return this.handler.execute(body.refreshToken);
  }
}
