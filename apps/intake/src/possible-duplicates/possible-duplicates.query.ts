import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CitizenKeyVault } from '@samad/personal-data';
import { nameOf } from '@samad/reference-data';
import { formatJalali, formatTrackingCode, type TrackingCode } from '@samad/request-lifecycle';
import { CITIZEN_KEY_VAULT, SERVICE_CONFIG, type ServiceConfig } from '@samad/service-kit';
import { findPossibleDuplicates, type PossibleDuplicateRow } from '../read-model/request-index.projection';
import type { PossibleDuplicateDto } from './possible-duplicates.dto';

export const toPossibleDuplicate = (row: PossibleDuplicateRow): PossibleDuplicateDto => ({
  trackingCode: row.tracking_code,
  trackingCodeFormatted: formatTrackingCode(row.tracking_code as TrackingCode),
  category: nameOf('category', row.category_code),
  county: nameOf('county', row.county_code),
  status: row.status,
  statusFa: nameOf('status', row.status).nameFa,
  registeredAt: row.registered_at.toISOString(),
  registeredAtJalali: formatJalali(row.registered_at),
});

/** The caller's open requests in a category and county within DUPLICATE_WINDOW_DAYS (ADR 27). */
@Injectable()
export class PossibleDuplicatesQuery {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CITIZEN_KEY_VAULT) private readonly vault: CitizenKeyVault,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /** `citizens` canonical (parsed); `except` leaves out the request just registered. */
  async find(
    by: {
      citizens: readonly { nationalCode?: string; mobile?: string }[];
      categoryCode: string;
      countyCode: string;
    },
    except?: string,
  ): Promise<PossibleDuplicateDto[]> {
    const windowDays = this.config.duplicates?.windowDays ?? 30;
    const rows = await findPossibleDuplicates(
      this.dataSource.manager,
      this.vault.digests,
      by,
      windowDays,
      new Date(),
    );
    return rows.filter((row) => row.tracking_code !== except).map(toPossibleDuplicate);
  }
}
