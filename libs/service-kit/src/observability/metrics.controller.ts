import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/roles.decorator';
import { SamadMetrics } from './samad-metrics';

/** Prometheus scrapes this inside the cluster; the Ingress never routes it (ingress.yaml). */
@ApiExcludeController()
@Controller()
export class MetricsController {
  constructor(private readonly metrics: SamadMetrics) {}

  @Public()
  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  async metricsText(@Res() response: Response): Promise<void> {
    response.setHeader('Content-Type', this.metrics.contentType);
    response.send(await this.metrics.render());
  }
}
