import { Controller, Get, Inject, Param, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { EventStore } from '@samad/event-store';
import { AttachmentRefusedError, type SealedAttachments } from '@samad/personal-data';
import { recordPersonalDataViewed } from '@samad/request-application';
import { DomainError, parseTrackingCode } from '@samad/request-lifecycle';
import {
  CorrelationId,
  CurrentPrincipal,
  EVENT_STORE,
  Roles,
  SEALED_ATTACHMENTS,
  type Principal,
} from '@samad/service-kit';
import { boundAgencyOf } from '../acting-agency/acting-agency';

class AgencyAttachmentDto {
  id!: string;
  contentType!: string;
  size!: number;
  sha256!: string;
  addedAt!: string;
}

/**
 * The scanned letters and photos of a request in the caller's own inbox (ADR 29). Any other request
 * answers 404 as if it did not exist; each download is recorded as a personal-data view (ADR 20).
 */
@ApiTags('agency requests')
@Roles('agency_staff', 'agency_system', 'agency_manager')
@Controller('api/agency/requests')
export class RequestAttachmentsHttpController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SEALED_ATTACHMENTS) private readonly attachments: SealedAttachments,
  ) {}

  @Get(':code/attachments')
  @ApiOperation({ summary: 'The files attached to a request in the caller’s inbox (metadata only)' })
  @ApiParam({ name: 'code', example: '1000000170' })
  @ApiOkResponse({ type: [AgencyAttachmentDto] })
  @ApiNotFoundResponse({ description: 'Not in this agency’s inbox (or no such request)' })
  async list(
    @Param('code') code: string,
    @CurrentPrincipal() caller: Principal,
  ): Promise<AgencyAttachmentDto[]> {
    const trackingCode = await this.heldByCaller(code, caller);
    return (await this.attachments.list(this.dataSource, trackingCode)).map((m) => ({
      id: m.id,
      contentType: m.contentType,
      size: m.size,
      sha256: m.sha256,
      addedAt: m.addedAt.toISOString(),
    }));
  }

  @Get(':code/attachments/:id')
  @ApiOperation({ summary: 'Download one attached file (its bytes, with its content type)' })
  @ApiNotFoundResponse({ description: 'Not in this agency’s inbox, no such file, or erased' })
  async download(
    @Param('code') code: string,
    @Param('id') id: string,
    @CurrentPrincipal() caller: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<StreamableFile> {
    const trackingCode = await this.heldByCaller(code, caller);
    const file = await this.attachments.open(this.dataSource, trackingCode, id);
    if (!file)
      throw new AttachmentRefusedError('ATTACHMENT_NOT_FOUND', `پیوست ${id} نیست (no such attachment)`);
    await recordPersonalDataViewed(
      this.store,
      {
        trackingCode,
        viewer: { username: caller.id, role: caller.role, agencyCode: boundAgencyOf(caller) },
        at: new Date().toISOString(),
        reason: 'دریافت پیوست برای رسیدگی',
        fields: ['attachments'],
      },
      correlationId,
    );
    const extension = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[
      file.metadata.contentType
    ];
    return new StreamableFile(file.bytes, {
      type: file.metadata.contentType,
      length: file.bytes.length,
      disposition: `attachment; filename="${trackingCode}-${file.metadata.id}.${extension}"`,
    });
  }

  private async heldByCaller(code: string, caller: Principal): Promise<string> {
    const trackingCode = parseTrackingCode(code, 'code');
    const agencyCode = boundAgencyOf(caller);
    if (!agencyCode) throw new Error(`${caller.role} acts for no agency`); // the endpoint's roles prevent it
    const held: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM agency.inbox WHERE tracking_code = $1 AND agency_code = $2`,
      [trackingCode, agencyCode],
    );
    if (held.length === 0) {
      throw new DomainError(
        'REQUEST_NOT_FOUND',
        `درخواست ${trackingCode} در کارتابل ${agencyCode} نیست (request ${trackingCode} is not in the inbox of ${agencyCode})`,
      );
    }
    return trackingCode;
  }
}
