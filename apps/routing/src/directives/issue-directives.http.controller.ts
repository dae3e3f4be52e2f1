import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsISO8601,
  IsNotEmpty,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import type { EventStore } from '@samad/event-store';
import { isKnownCode } from '@samad/reference-data';
import { handleRequestCommand } from '@samad/request-application';
import {
  DomainError,
  formatJalali,
  isDomainError,
  parseTrackingCode,
  type DirectiveIssuerRole,
} from '@samad/request-lifecycle';
import { CorrelationId, CurrentActor, EVENT_STORE, Roles, type ActorIdentity } from '@samad/service-kit';

export const MAX_REQUESTS_PER_DIRECTIVE = 50;

export class IssueDirectivesRequest {
  @ApiProperty({
    example: ['1000000170', '1000000188'],
    description: `The requests the directive is about (1–${MAX_REQUESTS_PER_DIRECTIVE}); each gets a directive of its own`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_REQUESTS_PER_DIRECTIVE)
  @ArrayUnique()
  @IsString({ each: true })
  trackingCodes!: string[];

  @ApiProperty({ example: 'ظرف دو روز کارشناس اعزام و نتیجه گزارش شود', minLength: 5, maxLength: 2000 })
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  instruction!: string;

  @ApiProperty({
    example: 'ABFA',
    description: 'The agency the directive binds: it holds (or answered) the requests',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  agencyCode!: string;

  @ApiProperty({
    example: '2026-12-05T06:00:00.000Z',
    description: 'When the agency must report by; in the future',
  })
  @IsISO8601({ strict: true })
  dueAt!: string;
}

export class IssuedDirectiveResponse {
  @ApiProperty({ example: '1000000170' }) trackingCode!: string;
  @ApiProperty({ enum: ['issued', 'refused'] }) outcome!: 'issued' | 'refused';
  @ApiPropertyOptional({ example: 'd6a1c2e4-5b7f-4c8e-9a0b-1c2d3e4f5a6b' }) directiveId?: string;
  @ApiPropertyOptional({
    example: 'DIRECTIVE_AGENCY_NOT_INVOLVED',
    description: 'Why this request got no directive (a Problem Details code)',
  })
  code?: string;
}

export class IssueDirectivesResponse {
  @ApiProperty({ example: 'ABFA' }) agencyCode!: string;
  @ApiProperty({ example: '2026-12-05T06:00:00.000Z' }) dueAt!: string;
  @ApiProperty({ example: '۱۴ آذر ۱۴۰۵، ۰۹:۳۰' }) dueAtJalali!: string;
  @ApiProperty({ type: IssuedDirectiveResponse, isArray: true }) directives!: IssuedDirectiveResponse[];
}

/** Who gives directives: the token's role, a supervisor of the centre or an official. */
const issuerRoleOf = (actor: ActorIdentity): DirectiveIssuerRole =>
  actor.role === 'official' ? 'official' : 'supervisor';

/**
 * A supervisor or an official gives a directive (دستور) on one request or a set of them (ADR 37): each
 * request records its own DirectiveIssued fact; the deadline watcher escalates it when no report came.
 */
@ApiTags('directives')
@Roles('supervisor', 'official')
@Controller('api/routing/directives')
export class IssueDirectivesHttpController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'A supervisor or an official gives a directive to an agency on one or more requests',
    description:
      'Each request gets a DirectiveIssued fact with its own directive id; the agency sees it in its inbox ' +
      'and on its topic and must report on it by `dueAt`, or it escalates like a missed deadline. Requests ' +
      'that cannot take it are listed as refused with their code; when none can, the first refusal is the ' +
      'answer (Problem Details).',
  })
  @ApiOkResponse({ type: IssueDirectivesResponse })
  @ApiBadRequestResponse({
    description: 'Invalid tracking code, unknown agency, or due time not in the future',
  })
  @ApiNotFoundResponse({ description: 'No such request (every one named)' })
  @ApiConflictResponse({ description: 'The agency does not hold any of the requests, or all are closed' })
  async issue(
    @Body() body: IssueDirectivesRequest,
    @CurrentActor() actor: ActorIdentity,
    @CorrelationId() correlationId: string,
  ): Promise<IssueDirectivesResponse> {
    const trackingCodes = body.trackingCodes.map((code, i) => parseTrackingCode(code, `trackingCodes[${i}]`));
    if (!isKnownCode('agency', body.agencyCode)) {
      throw new DomainError('INVALID_VALUE', 'دستگاهی با این کد نیست (unknown agency code)', 'agencyCode');
    }
    const dueAt = new Date(body.dueAt);
    const now = new Date();
    if (dueAt.getTime() <= now.getTime()) {
      throw new DomainError(
        'DUE_DATE_NOT_IN_FUTURE',
        'مهلت باید در آینده باشد (the due time must be in the future)',
        'dueAt',
      );
    }
    const directives: IssuedDirectiveResponse[] = [];
    let firstRefusal: DomainError | undefined;
    for (const trackingCode of trackingCodes) {
      const directiveId = randomUUID();
      try {
        await handleRequestCommand(
          this.store,
          {
            type: 'IssueDirective',
            data: {
              trackingCode,
              now,
              directiveId,
              agencyCode: body.agencyCode,
              instruction: body.instruction,
              dueAt,
              issuedBy: actor.id,
              role: issuerRoleOf(actor),
            },
          },
          { actor, correlationId },
        );
        directives.push({ trackingCode, outcome: 'issued', directiveId });
      } catch (error) {
        if (!isDomainError(error)) throw error;
        firstRefusal ??= error;
        directives.push({ trackingCode, outcome: 'refused', code: error.code });
      }
    }
    if (firstRefusal && directives.every((d) => d.outcome === 'refused')) throw firstRefusal;
    return {
      agencyCode: body.agencyCode,
      dueAt: dueAt.toISOString(),
      dueAtJalali: formatJalali(dueAt),
      directives,
    };
  }
}
