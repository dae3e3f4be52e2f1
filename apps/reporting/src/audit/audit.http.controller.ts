import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { pageOfCheckpoints } from '@samad/reporting-read-model';
import { formatJalali } from '@samad/request-lifecycle';
import {
  CurrentPrincipal,
  PageQuery,
  pageWindow,
  pagingDescription,
  Roles,
  type Principal,
} from '@samad/service-kit';
import { AuditVerificationJobs, type VerificationJob } from './audit-verification.jobs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class VerificationJobNotFoundError extends Error {
  readonly code = 'VERIFICATION_JOB_NOT_FOUND';

  constructor(id: string) {
    super(`وارسی ${id} نیست (no verification job ${id})`);
  }
}

/**
 * The auditor's tools over HTTP (ADR 0030), beside the `samad` command: the signed checkpoints reporting
 * kept, and whole-store verification as a background job whose progress can be followed.
 */
@ApiTags('audit')
@Roles('auditor', 'admin')
@Controller('api/audit')
export class AuditHttpController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: AuditVerificationJobs,
  ) {}

  @Get('checkpoints')
  @ApiOperation({
    summary: 'The signed checkpoints of the store, newest first, paged, with the total',
    description:
      'Each: sequence, position and tree size covered, Merkle root, issue time, key id and Ed25519 signature, ' +
      'as published on samad.audit.checkpoints. Check a signature with the audit public key. ' +
      pagingDescription,
  })
  async checkpoints(@Query() query: PageQuery) {
    const { page, pageSize } = pageWindow(query);
    const { items, total } = await pageOfCheckpoints(this.dataSource, page, pageSize);
    return {
      items: items.map((c) => ({ ...c, issuedAtJalali: formatJalali(new Date(c.issuedAt)) })),
      total,
      page,
      pageSize,
    };
  }

  @Post('verifications')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Start verifying the whole store against the signed checkpoints (a background job)',
    description:
      'The same check as `samad verify --all`: every event recomputed into the Merkle tree and compared with ' +
      'every checkpoint, then every per-stream chain. Answers 202 with the job; follow it at Location.',
  })
  @ApiAcceptedResponse({ description: 'The job, running' })
  async start(
    @CurrentPrincipal() caller: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VerificationJob> {
    const job = await this.jobs.start(caller.id);
    res.setHeader('Location', `/api/audit/verifications/${job.id}`);
    return job;
  }

  @Get('verifications/:id')
  @ApiOperation({
    summary: 'A verification job: status, events checked of total, events/s, ETA, and what failed',
    description:
      '`status` is running, passed, failed (with `problem` and its `description` in Persian and English) or ' +
      'abandoned (its process stopped before it finished: start another).',
  })
  @ApiOkResponse({ description: 'The job' })
  @ApiNotFoundResponse({ description: 'No such job' })
  async job(@Param('id') id: string): Promise<VerificationJob> {
    const job = UUID.test(id) ? await this.jobs.find(id) : undefined;
    if (!job) throw new VerificationJobNotFoundError(id);
    return job;
  }
}
