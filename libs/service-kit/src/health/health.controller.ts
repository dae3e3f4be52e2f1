import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/roles.decorator';
import { SERVICE_CONFIG } from '../service-tokens';
import type { ServiceConfig } from '../config/service-config';
import { probeKafka, probePostgres } from './dependency-probes';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  /** 200 when Kafka and PostgreSQL both answer; 503 naming whichever is down. */
  @Get()
  async check(@Res() res: Response): Promise<void> {
    const [kafka, postgres] = await Promise.all([
      probeKafka(this.config.kafkaBrokers, this.config.kafkaSecurity),
      probePostgres(this.config.databaseUrl),
    ]);
    const down = [kafka.status === 'down' && 'kafka', postgres.status === 'down' && 'postgres'].filter(
      Boolean,
    );
    res.status(down.length === 0 ? 200 : 503).json({
      service: this.config.service,
      status: down.length === 0 ? 'up' : 'down',
      ...(down.length > 0 && { down }),
      checks: { kafka, postgres },
    });
  }
}
