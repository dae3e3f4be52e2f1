import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InputValidationError, Roles } from '@samad/service-kit';
import { LoginThrottle } from '../login/login-throttle';
import { UnlockUserResponse } from './unlock-user.response.dto';

@ApiTags('admin')
@Controller('api/admin/users')
export class UnlockUserHttpController {
  constructor(private readonly throttle: LoginThrottle) {}

  @Post(':username/unlock')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Clear a username’s failed sign-ins, so no client has to wait before trying it again',
    description: 'Idempotent; a username nobody has failed for answers forgottenFailures 0.',
  })
  @ApiOkResponse({ type: UnlockUserResponse })
  @ApiBadRequestResponse({ description: 'Not a username (Problem Details)' })
  async unlock(@Param('username') raw: string): Promise<UnlockUserResponse> {
    const username = raw.trim().toLowerCase();
    if (username.length < 1 || username.length > 64) {
      throw new InputValidationError([{ field: 'username', message: 'must be 1 to 64 characters' }]);
    }
    return { username, forgottenFailures: await this.throttle.unlock(username) };
  }
}
