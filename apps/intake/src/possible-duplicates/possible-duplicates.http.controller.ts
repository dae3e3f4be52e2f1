import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseIranianMobile, parseNationalCode } from '@samad/request-lifecycle';
import { InputValidationError, Roles } from '@samad/service-kit';
import { PossibleDuplicatesQueryDto, PossibleDuplicatesResponseDto } from './possible-duplicates.dto';
import { PossibleDuplicatesQuery } from './possible-duplicates.query';

@ApiTags('requests')
@Roles('operator', 'supervisor')
@Controller('api/requests')
export class PossibleDuplicatesHttpController {
  constructor(private readonly query: PossibleDuplicatesQuery) {}

  // A POST like search: the national code and mobile must not land in a URL (access logs, proxies).
  @Post('possible-duplicates')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Before submitting: the caller’s open requests in this category and county (ADR 27)',
    description:
      'Matched by the search digests of the national code or mobile typed (never the values), open ' +
      '(not answered, not closed), registered within DUPLICATE_WINDOW_DAYS. The operator can record the call ' +
      'as a follow-up of one instead of registering a new request.',
  })
  @ApiOkResponse({ type: PossibleDuplicatesResponseDto })
  @ApiBadRequestResponse({ description: 'Neither national code nor mobile, or an invalid one' })
  async find(@Body() body: PossibleDuplicatesQueryDto): Promise<PossibleDuplicatesResponseDto> {
    if (body.nationalCode === undefined && body.mobile === undefined) {
      const message = 'give nationalCode or mobile';
      throw new InputValidationError([
        { field: 'nationalCode', message },
        { field: 'mobile', message },
      ]);
    }
    const citizen = {
      ...(body.nationalCode !== undefined && { nationalCode: parseNationalCode(body.nationalCode) }),
      ...(body.mobile !== undefined && { mobile: parseIranianMobile(body.mobile) }),
    };
    const items = await this.query.find({
      citizens: [citizen],
      categoryCode: body.categoryCode.trim(),
      countyCode: body.countyCode.trim(),
    });
    return { items };
  }
}
