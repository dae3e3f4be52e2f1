import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { codesOf } from '@samad/reference-data';
import { PageFields, PageQuery, isTokenRole, tokenRoles, type TokenRole } from '@samad/service-kit';
import { NamedRefDto } from '../shared/named-ref.response.dto';
import {
  EXTENSION_PATTERN,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  USERNAME_PATTERN,
  fieldMessages,
  standingProblems,
} from './user-rules';

const agencyCodes = codesOf('agency');
const trimmed = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
const upper = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;
const lower = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: tokenRoles, description: 'Only users holding this role' })
  @IsOptional()
  @IsIn(tokenRoles, { message: fieldMessages.role })
  role?: TokenRole;

  @ApiPropertyOptional({ enum: agencyCodes, description: 'Only users bound to this agency' })
  @IsOptional()
  @Transform(upper)
  @IsIn(agencyCodes, { message: fieldMessages.agencyUnknown })
  agency?: string;

  @ApiPropertyOptional({ example: 'staff', description: 'Part of the username (case-insensitive)' })
  @IsOptional()
  @Transform(lower)
  @IsString()
  @Length(0, 64)
  q?: string;
}

const standingOf = (body: CreateUserRequest, field: 'agencyCode' | 'extension'): string | undefined =>
  isTokenRole(body.role)
    ? standingProblems({
        role: body.role,
        agencyCode: body.agencyCode ?? null,
        extension: body.extension ?? null,
      }).find((p) => p.field === field)?.message
    : undefined;

/** The rules between the fields, checked with the others so a form learns every bad field at once. */
const FitsTheRole = (field: 'agencyCode' | 'extension') =>
  ValidateBy({
    name: `${field}FitsTheRole`,
    validator: {
      validate: (_, args) => standingOf(args!.object as CreateUserRequest, field) === undefined,
      defaultMessage: (args) => standingOf(args!.object as CreateUserRequest, field) ?? '',
    },
  });

export class CreateUserRequest {
  @ApiProperty({ example: 'staff.abfa2', pattern: USERNAME_PATTERN.source, description: 'Lower case' })
  @Transform(lower)
  @IsString({ message: fieldMessages.username })
  @Matches(USERNAME_PATTERN, { message: fieldMessages.username })
  username!: string;

  @ApiProperty({ enum: tokenRoles, example: 'agency_staff' })
  @IsIn(tokenRoles, { message: fieldMessages.role })
  role!: TokenRole;

  @ApiPropertyOptional({
    enum: agencyCodes,
    example: 'ABFA',
    description:
      'Required for agency_staff, agency_system, agency_editor and agency_manager; refused otherwise',
  })
  @Transform(upper)
  @FitsTheRole('agencyCode')
  agencyCode?: string;

  @ApiPropertyOptional({ example: '203', description: 'Operators only: the PBX extension (2–8 digits)' })
  @IsOptional()
  @Transform(trimmed)
  @Matches(EXTENSION_PATTERN, { message: fieldMessages.extension })
  @FitsTheRole('extension')
  extension?: string;

  @ApiProperty({ format: 'password', minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH })
  @IsString({ message: fieldMessages.password })
  @Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, { message: fieldMessages.password })
  password!: string;
}

/** Absent fields stay as they are; `null` clears the agency or the extension. */
export class UpdateUserRequest {
  @ApiPropertyOptional({ enum: tokenRoles })
  @IsOptional()
  @IsIn(tokenRoles, { message: fieldMessages.role })
  role?: TokenRole;

  @ApiPropertyOptional({ enum: agencyCodes, nullable: true, type: String })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @Transform(upper)
  @IsIn(agencyCodes, { message: fieldMessages.agencyUnknown })
  agencyCode?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '203' })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @Transform(trimmed)
  @Matches(EXTENSION_PATTERN, { message: fieldMessages.extension })
  extension?: string | null;

  @ApiPropertyOptional({
    description: 'true: the user can no longer sign in, and their sessions end at once',
  })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

export class SetPasswordRequest {
  @ApiProperty({ format: 'password', minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH })
  @IsString({ message: fieldMessages.password })
  @Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, { message: fieldMessages.password })
  password!: string;
}

export class UserResponse {
  @ApiProperty({ example: 'staff.abfa' }) username!: string;
  @ApiProperty({ enum: tokenRoles }) role!: string;
  @ApiProperty({ type: NamedRefDto, nullable: true, description: 'Agency roles only' })
  agency!: NamedRefDto | null;
  @ApiProperty({ nullable: true, type: String, example: '201', description: 'Operators only' })
  extension!: string | null;
  @ApiProperty({ description: 'Cannot sign in' }) disabled!: boolean;
  @ApiProperty({
    description:
      'Some client must wait before trying this username again after failed sign-ins (ADR 16); unlock clears it',
  })
  locked!: boolean;
  @ApiProperty({ example: 0, description: 'Failed sign-ins still counted, from every client' })
  recentFailures!: number;
  @ApiProperty({ example: '2026-12-03T08:30:00.000Z' }) createdAt!: string;
  @ApiPropertyOptional({ example: 'admin1', description: 'Absent for users created before ADR 48' })
  createdBy?: string;
  @ApiPropertyOptional({ example: 'admin1', description: 'Who last changed the user (absent: never)' })
  changedBy?: string;
  @ApiPropertyOptional({ example: '2026-12-03T08:30:00.000Z' }) changedAt?: string;
}

export class UsersPageResponse extends PageFields {
  @ApiProperty({ type: [UserResponse], description: 'By username' }) items!: UserResponse[];
}

export class PasswordSetResponse {
  @ApiProperty({ example: 'staff.abfa' }) username!: string;
  @ApiProperty({ example: 1, description: 'Sessions of the user that were ended' }) endedSessions!: number;
}
