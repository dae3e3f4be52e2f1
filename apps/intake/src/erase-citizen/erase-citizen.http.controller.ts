import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CorrelationId,
  CurrentActor,
  InputValidationError,
  Roles,
  type ActorIdentity,
} from '@samad/service-kit';
import { EraseCitizenHandler } from './erase-citizen.handler';
import { EraseCitizenDto } from './erase-citizen.request.dto';
import { EraseCitizenResponseDto } from './erase-citizen.response.dto';

@ApiTags('admin')
@Controller('api/admin/citizens')
export class EraseCitizenHttpController {
  constructor(private readonly handler: EraseCitizenHandler) {}

  @Post('erase')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Erase a citizen’s personal data (crypto-shredding)',
    description:
      'Give exactly one of nationalCode or mobile: the mobile erases a citizen who filed online without a ' +
      'national code (ADR 39). ' +
      'Destroys the keys that seal the citizen’s national code, name and mobile in every event, records ' +
      'PersonalDataErased in each of their requests (read models and agency topics forget too) and keeps ' +
      'every other fact: category, county, dates, answers, counts. The hash chains stay intact. ' +
      'Idempotent: erasing again answers 200 with `erased: false`. Final: the citizen can no longer prove ' +
      'ownership with a mobile number or be found by national code.',
  })
  @ApiOkResponse({ type: EraseCitizenResponseDto })
  @ApiBadRequestResponse({
    description: 'Neither or both given, or not a valid national code / mobile (Problem Details)',
  })
  async erase(
    @Body() body: EraseCitizenDto,
    @CurrentActor() actor: ActorIdentity,
    @CorrelationId() correlationId: string,
  ): Promise<EraseCitizenResponseDto> {
    const { nationalCode, mobile } = body;
    if ((nationalCode === undefined) === (mobile === undefined)) {
      const message = 'give exactly one of nationalCode or mobile';
      throw new InputValidationError([
        { field: 'nationalCode', message },
        { field: 'mobile', message },
      ]);
    }
    return this.handler.execute(nationalCode !== undefined ? { nationalCode } : { mobile: mobile! }, {
      actor,
      correlationId,
    });
  }
}
