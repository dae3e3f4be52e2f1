import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '@samad/service-kit';
import { LoginHandler } from './login.handler';
import { LoginRequest } from './login.request.dto';
import { LoginResponse } from './login.response.dto';

@ApiTags('auth')
@Controller('api/auth')
export class LoginHttpController {
  constructor(private readonly handler: LoginHandler) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with a username and password; answers a short-lived access token and a refresh token',
    description:
      'The token is a JWT signed with intake’s Ed25519 key; every service verifies it. Repeated failures ' +
      'for a username from one client address, or from one client address for any usernames, make each ' +
      'further attempt from that client wait a growing delay (429 with Retry-After); other clients are ' +
      'not slowed, so nobody can lock a user out.',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiBadRequestResponse({ description: 'Missing username or password (Problem Details)' })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password (one answer for both)' })
  @ApiTooManyRequestsResponse({
    description: 'Too many failed logins from this client; Retry-After says when to try again',
  })
  login(@Body() body: LoginRequest, @Req() request: Request): Promise<LoginResponse> {
    return this.handler.execute(body.username, body.password, request.ip ?? 'unknown');
  }
}
