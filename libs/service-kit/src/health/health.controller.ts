import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/roles.decorator';
import type { ServiceConfig } from '../config/service-config';
import { SERVICE_CONFIG } from '../service-tokens';
import { ReadinessService } from './readiness.service';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly readiness: ReadinessService,
  ) {}

  /** Liveness: touches no dependency, so an outage never gets a healthy process restarted. */
  @Get('live')
  @ApiOperation({ summary: 'Liveness: 200 while the process serves requests' })
  live(@Res() res: Response): void {
    res.setHeader('Cache-Control', 'no-store');
    res.status(200).json({ service: this.config.service, status: 'alive' });
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: PostgreSQL, Kafka and registered components (answer cached for 1 s)',
  })
  @ApiOkResponse({ description: '{ service, status: "ready", checks }' })
  @ApiServiceUnavailableResponse({ description: '{ service, status: "not_ready", down: [names], checks }' })
  async ready(@Res() res: Response): Promise<void> {
    const readiness = await this.readiness.evaluate();
    res.setHeader('Cache-Control', 'no-store');
    res.status(readiness.status === 'ready' ? 200 : 503).json(readiness);
  }

  /** The same answer as /health/ready (what `npm start` and older probes ask). */
  @Get()
  @ApiOperation({ summary: 'Alias of /health/ready' })
  async check(@Res() res: Response): Promise<void> {
    await this.ready(res);
  }
}
