import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import {
  formatJalali,
  formatTrackingCode,
  parseIranianMobile,
  parseNationalCode,
  type TrackingCode,
} from '@samad/request-lifecycle';
import type { CitizenKeyVault } from '@samad/personal-data';
import {
  CITIZEN_KEY_VAULT,
  InputValidationError,
  Roles,
  pageWindow,
  pagingDescription,
} from '@samad/service-kit';
import { findRequestsByCitizen, type RequestIndexRow } from '../read-model/request-index.projection';
import { nameOf } from '@samad/reference-data';
import { SearchRequestsDto } from './search-requests.request.dto';
import { FoundRequestDto, SearchRequestsResponseDto } from './search-requests.response.dto';

const toFound = (row: RequestIndexRow): FoundRequestDto => ({
  trackingCode: row.tracking_code,
  trackingCodeFormatted: formatTrackingCode(row.tracking_code as TrackingCode),
  status: row.status,
  statusFa: nameOf('status', row.status).nameFa,
  kind: row.kind,
  channel: row.channel,
  category: nameOf('category', row.category_code),
  county: nameOf('county', row.county_code),
  ...(row.agency_code !== null && { agency: nameOf('agency', row.agency_code) }),
  registeredAt: row.registered_at.toISOString(),
  registeredAtJalali: formatJalali(row.registered_at),
});

@ApiTags('requests')
@Roles('operator', 'supervisor')
@Controller('api/requests')
export class SearchRequestsHttpController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CITIZEN_KEY_VAULT) private readonly vault: CitizenKeyVault,
  ) {}

  // POST with a body, not GET with a query: a national code or mobile in a URL lands in access logs and proxies.
  @Post('search')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A caller’s earlier requests, by national code or mobile (exactly one, in the body)',
    description:
      'From the intake read model, so a request registered seconds ago may not be listed yet. A POST so that ' +
      'personal data never appears in a URL (access logs, proxies, browser history). ' +
      pagingDescription.replace('`page`', '`page` (in the body)'),
  })
  @ApiOkResponse({ type: SearchRequestsResponseDto })
  @ApiBadRequestResponse({ description: 'Neither or both given, or not a valid national code / mobile' })
  async search(@Body() query: SearchRequestsDto): Promise<SearchRequestsResponseDto> {
    const { nationalCode, mobile } = query;
    if ((nationalCode === undefined) === (mobile === undefined)) {
      const message = 'give exactly one of nationalCode or mobile';
      throw new InputValidationError([
        { field: 'nationalCode', message },
        { field: 'mobile', message },
      ]);
    }
    const window = pageWindow(query);
    const { rows, total } = await findRequestsByCitizen(
      this.dataSource.manager,
      this.vault.digests,
      nationalCode !== undefined
        ? { nationalCode: parseNationalCode(nationalCode) }
        : { mobile: parseIranianMobile(mobile!) },
      window,
    );
    return { items: rows.map(toFound), total, page: window.page, pageSize: window.pageSize };
  }
}
