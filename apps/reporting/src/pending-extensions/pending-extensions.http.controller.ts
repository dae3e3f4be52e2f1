import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, Matches } from 'class-validator';
import { PageQuery, Roles, pagingDescription, type Page } from '@samad/service-kit';
import { PendingExtensionsHandler } from './pending-extensions.handler';
import type { PendingExtension } from './pending-extensions.report';
import { PendingExtensionsResponseDto } from './pending-extensions.response.dto';

export class PendingExtensionsQueryDto extends PageQuery {
  @ApiPropertyOptional({ description: 'Only this agency (code, e.g. ABFA)', example: 'ABFA' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  )
  @Matches(/^[A-Z][A-Z0-9_-]{0,31}$/, { message: 'agency must be an agency code such as ABFA' })
  agency?: string;
}

@ApiTags('reports')
@Roles('supervisor', 'auditor', 'admin')
@Controller('api/reports')
export class PendingExtensionsHttpController {
  constructor(private readonly handler: PendingExtensionsHandler) {}

  @Get('extension-requests')
  @ApiOperation({
    summary: 'Extensions agencies asked for that wait for a supervisor, longest waiting first (paged)',
    description:
      'Open requests only. Approve or refuse one with `POST /api/routing/requests/{code}/extension-requests/' +
      '{extensionId}/approve|refuse`; the reason stays in the request’s history (sealed, ADR 19). ' +
      pagingDescription,
  })
  @ApiOkResponse({ type: PendingExtensionsResponseDto })
  @ApiBadRequestResponse({ description: 'Problem Details naming the bad parameter' })
  pending(@Query() query: PendingExtensionsQueryDto): Promise<Page<PendingExtension>> {
    return this.handler.execute({
      agency: query.agency,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 50,
    });
  }
}
