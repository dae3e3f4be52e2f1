import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles, pageWindow, pagingDescription } from '@samad/service-kit';
import { listNotifications } from './notification.store';
import { ListNotificationsQuery, NotificationsResponseDto } from './notifications.dto';

@ApiTags('admin')
@Controller('api/admin/notifications')
export class NotificationsHttpController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: 'Citizens’ SMS notices, newest first (paged, with the total)',
    description:
      'Each notice a fact gave a citizen (the tracking code at registration, the answer, an extension) with ' +
      'its sending state: pending (with attempts and the last transient failure), sent (and by which ' +
      'gateway), parked (a permanent failure) or cancelled (the citizen’s data was erased). With the local ' +
      'outbox (no KAVENEGAR_API_KEY) this is where the texts can be read. Mobiles are masked. ' +
      pagingDescription,
  })
  @ApiOkResponse({ type: NotificationsResponseDto })
  @ApiBadRequestResponse({ description: 'A bad filter, page or pageSize (Problem Details naming it)' })
  async list(@Query() query: ListNotificationsQuery): Promise<NotificationsResponseDto> {
    return listNotifications(
      this.dataSource,
      { trackingCode: query.trackingCode, status: query.status },
      pageWindow({ page: query.page, pageSize: query.pageSize ?? query.limit }),
    );
  }
}
