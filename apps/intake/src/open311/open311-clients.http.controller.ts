import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { CurrentActor, Roles, type ActorIdentity } from '@samad/service-kit';
import { Open311ClientsStore, type Open311Client } from './open311-clients.store';

export class IssueOpen311ClientDto {
  @ApiProperty({
    description: 'Who the client is (an app, a municipality’s portal)',
    example: 'FixMyStreet Bandar Abbas',
  })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ description: 'Calls with this key per minute, sustained', example: 60 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  ratePerMinute!: number;

  @ApiPropertyOptional({
    description: 'Calls allowed at once before the rate applies (default: ratePerMinute)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  burst?: number;
}

class Open311ClientDto implements Open311Client {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() ratePerMinute!: number;
  @ApiProperty() burst!: number;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional() revokedAt?: string;
}

class IssuedOpen311ClientDto {
  @ApiProperty({ type: Open311ClientDto }) client!: Open311ClientDto;
  @ApiProperty({ description: 'Shown this once; only its SHA-256 is kept' }) apiKey!: string;
}

/** Administrators let Open311 clients in: a key per client, shown once, with its rate limit (ADR 0032). */
@ApiTags('open311')
@Roles('admin')
@Controller('api/admin/open311/clients')
export class Open311ClientsHttpController {
  constructor(private readonly clients: Open311ClientsStore) {}

  @Post()
  @ApiOperation({ summary: 'Issue an API key to an Open311 client' })
  @ApiCreatedResponse({ type: IssuedOpen311ClientDto })
  issue(
    @Body() body: IssueOpen311ClientDto,
    @CurrentActor() actor: ActorIdentity,
  ): Promise<IssuedOpen311ClientDto> {
    return this.clients.issue(
      body.name.trim(),
      body.ratePerMinute,
      body.burst ?? body.ratePerMinute,
      actor.id,
    );
  }

  @Get()
  @ApiOperation({ summary: 'Every Open311 client, revoked ones too (never their keys)' })
  @ApiOkResponse({ type: [Open311ClientDto] })
  list(): Promise<Open311Client[]> {
    return this.clients.list();
  }

  @Post(':id/revoke')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a client’s key: it is refused (403) from now on' })
  @ApiNotFoundResponse({ description: 'No such client, or already revoked' })
  async revoke(@Param('id') id: string): Promise<void> {
    if (!(await this.clients.revoke(id))) {
      throw new NotFoundException('no such Open311 client, or it is already revoked');
    }
  }
}
