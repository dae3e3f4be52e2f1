import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EventStore } from '@samad/event-store';
import { readPersonalDataViews } from '@samad/request-application';
import { EVENT_STORE } from '@samad/service-kit';

const BATCH = 1000;

/**
 * reporting.personal_data_views, caught up from the access-audit stream before each read: the stream is
 * the record (hash-chained, verified with the rest of the store), the table only makes it searchable.
 * Rows are keyed by stream revision, so replicas catching up at once insert each fact once.
 */
@Injectable()
export class PersonalDataViewsReadModel {
  private catchingUp: Promise<void> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Everything appended before this call is in the table when it resolves. */
  async catchUp(): Promise<void> {
    // Callers arriving during a catch-up wait for the next one: the running one may have read too early.
    const previous = this.catchingUp ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.copyNewFacts());
    this.catchingUp = next;
    try {
      await next;
    } finally {
      if (this.catchingUp === next) this.catchingUp = undefined;
    }
  }

  private async copyNewFacts(): Promise<void> {
    for (;;) {
      const [{ next }]: { next: string }[] = await this.dataSource.query(
        `SELECT COALESCE(max(stream_revision) + 1, 0)::text AS next FROM reporting.personal_data_views`,
      );
      const views = await readPersonalDataViews(this.store, BigInt(next), BATCH);
      if (views.length === 0) return;
      await this.dataSource.query(
        `INSERT INTO reporting.personal_data_views
           (stream_revision, event_id, tracking_code, viewer, viewer_role, viewer_agency, viewed_at, reason, fields)
         SELECT r, e, t, v, vr, va, a, reason, string_to_array(f, ',')
           FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[],
                       $7::timestamptz[], $8::text[], $9::text[]) AS x(r, e, t, v, vr, va, a, reason, f)
         ON CONFLICT DO NOTHING`,
        [
          views.map((v) => v.revision.toString()),
          views.map((v) => v.eventId),
          views.map((v) => v.view.trackingCode),
          views.map((v) => v.view.viewer.username),
          views.map((v) => v.view.viewer.role),
          views.map((v) => v.view.viewer.agencyCode ?? null),
          views.map((v) => v.view.at),
          views.map((v) => v.view.reason),
          views.map((v) => v.view.fields.join(',')),
        ],
      );
      if (views.length < BATCH) return;
    }
  }
}
