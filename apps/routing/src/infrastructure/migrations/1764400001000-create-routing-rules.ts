import type { MigrationInterface, QueryRunner } from 'typeorm';
import { agencies, categories, countyRules, counties } from '@samad/reference-data';

/** Reference tables and routing rules (category × county → agency, county NULL = fallback), seeded with Hormozgan. */
export class CreateRoutingRules1764400001000 implements MigrationInterface {
  readonly name = 'CreateRoutingRules1764400001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE routing.counties (code text PRIMARY KEY, name_fa text NOT NULL, name_en text NOT NULL);
      CREATE TABLE routing.agencies (code text PRIMARY KEY, name_fa text NOT NULL, name_en text NOT NULL);
      CREATE TABLE routing.categories (
        code text PRIMARY KEY, name_fa text NOT NULL, name_en text NOT NULL,
        deadline_days int NOT NULL CHECK (deadline_days > 0));
      CREATE TABLE routing.rules (
        id serial PRIMARY KEY,
        category_code text NOT NULL REFERENCES routing.categories(code),
        county_code text REFERENCES routing.counties(code),
        agency_code text NOT NULL REFERENCES routing.agencies(code),
        priority int NOT NULL DEFAULT 0);
      CREATE UNIQUE INDEX rules_category_county ON routing.rules (category_code, coalesce(county_code, ''), agency_code);
      CREATE TABLE routing.holidays (day date PRIMARY KEY, name_fa text NOT NULL);
      CREATE TABLE routing.manual_queue (
        tracking_code text PRIMARY KEY,
        category_code text NOT NULL,
        county_code text NOT NULL,
        reason text NOT NULL,
        since timestamptz NOT NULL);`);
    for (const c of counties) {
      await q.query('INSERT INTO routing.counties VALUES ($1,$2,$3)', [c.code, c.nameFa, c.nameEn]);
    }
    for (const a of agencies) {
      await q.query('INSERT INTO routing.agencies VALUES ($1,$2,$3)', [a.code, a.nameFa, a.nameEn]);
    }
    for (const c of categories) {
      await q.query('INSERT INTO routing.categories VALUES ($1,$2,$3,$4)', [
        c.code,
        c.nameFa,
        c.nameEn,
        c.deadlineDays,
      ]);
      if (c.defaultAgency) {
        await q.query(
          'INSERT INTO routing.rules (category_code, county_code, agency_code, priority) VALUES ($1, NULL, $2, 0)',
          [c.code, c.defaultAgency],
        );
      }
    }
    for (const r of countyRules) {
      await q.query(
        'INSERT INTO routing.rules (category_code, county_code, agency_code, priority) VALUES ($1,$2,$3,10)',
        [r.categoryCode, r.countyCode, r.agencyCode],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP TABLE routing.manual_queue, routing.holidays, routing.rules, routing.categories, routing.agencies, routing.counties',
    );
  }
}
