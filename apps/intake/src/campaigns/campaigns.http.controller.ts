import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import {
  endOfTehranDay,
  formatJalaliDate,
  jalaliOfGregorianKey,
  normalizePersianText,
  parseCalendarDay,
} from '@samad/request-lifecycle';
import { CurrentActor, InputValidationError, Roles, type ActorIdentity } from '@samad/service-kit';
import { CampaignError } from './campaign.errors';
import {
  CampaignResponseDto,
  CampaignsResponseDto,
  CreateCampaignDto,
  ListCampaignsQueryDto,
} from './campaign.dto';
import {
  closeCampaign,
  findCampaign,
  insertCampaign,
  listCampaigns,
  type CampaignRow,
} from './campaigns.table';

const responseOf = (c: CampaignRow): CampaignResponseDto => ({
  id: c.id,
  name: c.name,
  countyCodes: [...c.countyCodes],
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  targetOn: c.targetOn,
  targetOnJalali: formatJalaliDate(jalaliOfGregorianKey(c.targetOn)).replace(/-/g, '/'),
  targetAt: c.targetAt.toISOString(),
  status: c.status,
});

const notFound = (id: string): CampaignError =>
  new CampaignError('CAMPAIGN_NOT_FOUND', `سفری با شناسه ${id} نیست (no such campaign)`);

@ApiTags('campaigns')
@Controller('api/campaigns')
export class CampaignsHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Post()
  @Roles('supervisor')
  @ApiOperation({
    summary: 'Create a provincial-trip campaign (سفر استانی)',
    description:
      'Counties, the trip’s days and the target day by which every letter must be answered (ADR 28).',
  })
  @ApiCreatedResponse({ type: CampaignResponseDto })
  async create(
    @Body() body: CreateCampaignDto,
    @CurrentActor() actor: ActorIdentity,
  ): Promise<CampaignResponseDto> {
    const [startsOn, endsOn, targetOn] = [body.startsOn, body.endsOn, body.targetOn].map(
      (d) => parseCalendarDay(d) as string,
    );
    const errors = [
      ...(startsOn > endsOn ? [{ field: 'endsOn', message: 'must not be before startsOn' }] : []),
      ...(endsOn > targetOn ? [{ field: 'targetOn', message: 'must not be before endsOn' }] : []),
    ];
    if (errors.length > 0) throw new InputValidationError(errors);
    const campaign = await insertCampaign(this.dataSource, {
      id: randomUUID(),
      name: normalizePersianText(body.name),
      countyCodes: [...new Set(body.countyCodes)],
      startsOn,
      endsOn,
      targetOn,
      targetAt: endOfTehranDay(targetOn),
      createdBy: actor.id,
    });
    return responseOf(campaign);
  }

  @Get()
  @Roles('supervisor', 'operator')
  @ApiOperation({
    summary: 'Campaigns, newest first (the operator picks an open one for a trip letter)',
    description: 'At most 200; `status=open` for those still taking letters.',
  })
  @ApiOkResponse({ type: CampaignsResponseDto })
  async list(@Query() query: ListCampaignsQueryDto): Promise<CampaignsResponseDto> {
    return { items: (await listCampaigns(this.dataSource, query.status)).map(responseOf) };
  }

  @Get(':id')
  @Roles('supervisor', 'operator')
  @ApiOperation({ summary: 'A campaign' })
  @ApiOkResponse({ type: CampaignResponseDto })
  async get(@Param('id') id: string): Promise<CampaignResponseDto> {
    const campaign = await findCampaign(this.dataSource, id);
    if (!campaign) throw notFound(id);
    return responseOf(campaign);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({ summary: 'Close a campaign: it takes no more letters (its requests keep their due dates)' })
  @ApiOkResponse({ type: CampaignResponseDto })
  async close(@Param('id') id: string): Promise<CampaignResponseDto> {
    const campaign = await closeCampaign(this.dataSource, id);
    if (!campaign) throw notFound(id);
    return responseOf(campaign);
  }
}
