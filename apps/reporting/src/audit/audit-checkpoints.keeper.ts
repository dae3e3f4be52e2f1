import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Consumer, Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { AuditCheckpointMessage } from '@samad/event-store';
import { Topics } from '@samad/events';
import { KAFKA } from '@samad/service-kit';

/** Keeps every signed checkpoint and the leaves it announced (ADR 0030); idempotent, so redelivery is harmless. */
@Injectable()
export class AuditCheckpointsKeeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer?: Consumer;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = this.kafka.consumer({ groupId: 'samad-reporting-audit-checkpoints' });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: Topics.auditCheckpoints, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        if (message.value) await this.keep(JSON.parse(message.value.toString()) as AuditCheckpointMessage);
      },
    });
  }

  async keep(message: AuditCheckpointMessage): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const leaves = message.leaves;
      await manager.query(
        `INSERT INTO reporting.audit_leaves (leaf_index, "commit", prepare, stream_id, revision, leaf)
         SELECT $1::bigint + u.ord - 1, u.c, u.p, u.s, u.r, u.l
           FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::bigint[], $6::text[]) WITH ORDINALITY AS u(c, p, s, r, l, ord)
         ON CONFLICT (leaf_index) DO NOTHING`,
        [
          message.previousTreeSize,
          leaves.map((l) => l.commit),
          leaves.map((l) => l.prepare),
          leaves.map((l) => l.streamId),
          leaves.map((l) => l.revision),
          leaves.map((l) => l.leaf),
        ],
      );
      await manager.query(
        `INSERT INTO reporting.audit_checkpoints (sequence, position, tree_size, root, issued_at, key_id, signature)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (sequence) DO NOTHING`,
        [
          message.sequence,
          message.position,
          message.treeSize,
          message.root,
          message.issuedAt,
          message.keyId,
          message.signature,
        ],
      );
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
