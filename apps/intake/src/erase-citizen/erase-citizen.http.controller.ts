import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CorrelationId, CurrentActor, Roles, type ActorIdentity } from '@samad/service-kit';
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
      'Destroys the keys that seal the citizen’s national code, name and mobile in every event, records ' +
      'PersonalDataErased in each of their requests (read models and agency topics forget too) and keeps ' +
      'every other fact: category, county, dates, answers, counts. The hash chains stay intact. ' +
      'Idempotent: erasing again answers 200 with `erased: false`. Final: the citizen can no longer prove ' +
      'ownership with a mobile number or be found by national code.',
  })
  @ApiOkResponse({ type: EraseCitizenResponseDto })
  @ApiBadRequestResponse({ description: 'Not a valid national code (Problem Details)' })
  async erase(
    @Body() body: EraseCitizenDto,
    @CurrentActor() actor: ActorIdentity,
    @CorrelationId() correlationId: string,
  ): Promise<EraseCitizenResponseDto> {
    return this.handler.execute(body.nationalCode, { actor, correlationId });
  }
}
