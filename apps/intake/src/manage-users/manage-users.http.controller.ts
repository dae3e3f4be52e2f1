import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import {
  CurrentActor,
  InputValidationError,
  Roles,
  pageWindow,
  pagingDescription,
  verifiedTokenOf,
  type ActorIdentity,
} from '@samad/service-kit';
import { hashPassword } from '../login/password-hash';
import { LoginThrottle } from '../login/login-throttle';
import { SessionStore } from '../login/session-store';
import {
  CreateUserRequest,
  ListUsersQuery,
  PasswordSetResponse,
  SetPasswordRequest,
  UpdateUserRequest,
  UserResponse,
  UsersPageResponse,
} from './manage-users.dto';
import { UserDirectory } from './user-directory';
import { ManageUsersError } from './user.errors';
import { STORED_USERNAME_PATTERN, ownAccessProblem, rightsChanged, standingProblems } from './user-rules';

const usernameOf = (raw: string): string => {
  const username = raw.trim().toLowerCase();
  // A name the store cannot hold is no user at all.
  if (!STORED_USERNAME_PATTERN.test(username)) throw new ManageUsersError('USER_NOT_FOUND', 'no such user');
  return username;
};

/** The users of Samad's local identity store (ADR 48): list, create, change, disable, set a password. */
@ApiTags('admin')
@Roles('admin')
@Controller('api/admin/users')
export class ManageUsersHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserDirectory,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The users who sign in with Samad’s own store, by username (paged, with the total)',
    description:
      'Filter by `role`, `agency` and `q` (part of the username). No password hash is ever answered; each ' +
      'user says whether it is disabled and whether failed sign-ins make some client wait (`locked`). ' +
      pagingDescription,
  })
  @ApiOkResponse({ type: UsersPageResponse })
  @ApiBadRequestResponse({ description: 'A bad filter, page or pageSize (Problem Details naming it)' })
  async list(@Query() query: ListUsersQuery): Promise<UsersPageResponse> {
    return this.users.list(query, pageWindow(query));
  }

  @Post()
  @ApiOperation({
    summary: 'Add a user with an initial password',
    description:
      'Agency roles (agency_staff, agency_system, agency_editor, agency_manager) name a known agency and ' +
      'no other role may; only operators have an extension. The password is stored as a scrypt hash.',
  })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiBadRequestResponse({ description: 'INVALID_INPUT naming each bad field' })
  @ApiConflictResponse({ description: 'USERNAME_TAKEN, or EXTENSION_TAKEN by another operator' })
  async create(@Body() body: CreateUserRequest, @CurrentActor() actor: ActorIdentity): Promise<UserResponse> {
    const standing = {
      role: body.role,
      agencyCode: body.agencyCode ?? null,
      extension: body.extension ?? null,
    };
    const problems = standingProblems(standing);
    if (problems.length > 0) throw new InputValidationError(problems);
    const passwordHash = await hashPassword(body.password);
    await this.users.create({ username: body.username, passwordHash, ...standing }, actor.id);
    return this.users.one(body.username);
  }

  @Patch(':username')
  @ApiOperation({
    summary: 'Change a user’s role, agency, extension or disabled state',
    description:
      'Fields left out stay as they are; `null` clears the agency or the extension. Disabling the user, or ' +
      'changing their role or agency, ends their sessions at once: refresh tokens stop working now and ' +
      'access tokens are refused by every service within AUTH_REVOCATION_CACHE_MS. An administrator cannot ' +
      'disable themself or change their own role (CANNOT_CHANGE_OWN_ACCESS).',
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiBadRequestResponse({ description: 'INVALID_INPUT naming each bad field' })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  @ApiConflictResponse({ description: 'EXTENSION_TAKEN, or CANNOT_CHANGE_OWN_ACCESS' })
  async update(
    @Param('username') raw: string,
    @Body() body: UpdateUserRequest,
    @CurrentActor() actor: ActorIdentity,
  ): Promise<UserResponse> {
    const username = usernameOf(raw);
    await this.dataSource.transaction(async (manager) => {
      const before = await this.users.lockForChange(manager, username);
      const after = {
        role: body.role ?? before.role,
        agencyCode: body.agencyCode === undefined ? before.agencyCode : body.agencyCode,
        extension: body.extension === undefined ? before.extension : body.extension,
        disabled: body.disabled ?? before.disabled,
      };
      const problems = standingProblems(after);
      if (problems.length > 0) throw new InputValidationError(problems);
      const own = ownAccessProblem(actor.id, username, before, after);
      if (own) throw new ManageUsersError('CANNOT_CHANGE_OWN_ACCESS', own.message);
      await this.users.update(manager, username, after, actor.id);
      if (rightsChanged(before, after)) {
        await this.sessions.endAllOf(username, `user changed by ${actor.id}`, undefined, manager);
      }
    });
    return this.users.one(username);
  }

  @Post(':username/password')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Set a new password for a user (an administrator’s reset)',
    description:
      'The old password stops working, the user’s failed sign-ins are forgotten and their sessions end ' +
      '(an administrator setting their own keeps the session they call from).',
  })
  @ApiOkResponse({ type: PasswordSetResponse })
  @ApiBadRequestResponse({ description: 'INVALID_INPUT: the password is too short or too long' })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  async setPassword(
    @Param('username') raw: string,
    @Body() body: SetPasswordRequest,
    @CurrentActor() actor: ActorIdentity,
    @Req() request: Request,
  ): Promise<PasswordSetResponse> {
    const username = usernameOf(raw);
    const hash = await hashPassword(body.password);
    const keep = actor.id === username ? verifiedTokenOf(request)?.sessionId : undefined;
    const endedSessions = await this.dataSource.transaction(async (manager) => {
      await this.users.setPasswordHash(manager, username, hash, actor.id);
      return this.sessions.endAllOf(username, `password set by ${actor.id}`, keep, manager);
    });
    await this.throttle.unlock(username);
    return { username, endedSessions };
  }
}
