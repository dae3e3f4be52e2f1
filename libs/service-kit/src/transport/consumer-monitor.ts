import { Injectable } from '@nestjs/common';
import type { ConsumerStats, SamadKafkaServer } from './samad-kafka.server';

/** The service's Kafka consumer as readiness and the admin endpoints see it (attached once the app is built). */
@Injectable()
export class ConsumerMonitor {
  private server?: SamadKafkaServer;

  attach(server: SamadKafkaServer): void {
    this.server = server;
  }

  stats(): ConsumerStats | undefined {
    return this.server?.stats();
  }

  parkedCount(): Promise<number> {
    return this.server ? this.server.parkedCount() : Promise.resolve(0);
  }
}
