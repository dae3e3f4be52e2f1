import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { categories, counties, nameOf } from '@samad/reference-data';
import { AnyRole } from '@samad/service-kit';
import { requestChannels, requestKinds } from '@samad/request-lifecycle';
import { GetCatalogResponseDto } from './get-catalog.response.dto';

// Reference data only changes with a deployment, so the answer is built once.
const catalog: GetCatalogResponseDto = {
  counties: counties.map(({ code, nameFa, nameEn }) => ({ code, nameFa, nameEn })),
  categories: categories.map(({ code, nameFa, nameEn, deadlineDays }) => ({
    code,
    nameFa,
    nameEn,
    deadlineDays,
  })),
  kinds: requestKinds.map((code) => nameOf('requestKind', code)),
  channels: requestChannels.map((code) => nameOf('channel', code)),
};

@ApiTags('catalog')
@AnyRole()
@Controller('api/catalog')
export class GetCatalogHttpController {
  @Get()
  @ApiOperation({
    summary: 'Counties, subject categories (with deadlines), kinds and channels for the intake form',
  })
  @ApiOkResponse({ type: GetCatalogResponseDto })
  get(): GetCatalogResponseDto {
    return catalog;
  }
}
