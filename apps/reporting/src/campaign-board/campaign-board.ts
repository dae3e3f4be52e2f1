import { nameOf } from '@samad/reference-data';

// A provincial-trip campaign's board (ADR 28): its letters' progress per agency and county.

/** One request of the campaign as the statistics row holds it. */
export interface CampaignRequestRow {
  readonly agencyCode: string | null;
  readonly countyCode: string;
  readonly dueAt: Date | null;
  readonly answeredAt: Date | null;
  readonly targetAt: Date;
  readonly escalationLevel: number;
  /** Null for letters registered before their events carried the campaign's name. */
  readonly campaignName?: string | null;
}

export interface CampaignBoardFigures {
  readonly received: number;
  readonly answered: number;
  readonly answeredBeforeTarget: number;
  readonly overdue: number;
  readonly escalated: number;
}

export interface CampaignBoardLine extends CampaignBoardFigures {
  /** Null while no agency holds the request yet (awaiting routing). */
  readonly agencyCode: string | null;
  readonly agencyNameFa: string;
  readonly countyCode: string;
  readonly countyNameFa: string;
}

export interface CampaignBoard {
  readonly campaignId: string;
  /** The campaign's Persian name, as its letters carry it (null if none of them does). */
  readonly campaignName: string | null;
  readonly targetAt: string | null;
  readonly asOf: string;
  readonly lines: readonly CampaignBoardLine[];
  readonly total: CampaignBoardFigures;
}

const zero = (): { -readonly [K in keyof CampaignBoardFigures]: number } => ({
  received: 0,
  answered: 0,
  answeredBeforeTarget: 0,
  overdue: 0,
  escalated: 0,
});

/** Overdue: its due moment passed without an answer (still open, or answered late). */
const isOverdue = (r: CampaignRequestRow, now: Date): boolean =>
  r.dueAt !== null &&
  (r.answeredAt === null ? r.dueAt.getTime() < now.getTime() : r.answeredAt.getTime() > r.dueAt.getTime());

const add = (f: ReturnType<typeof zero>, r: CampaignRequestRow, now: Date): void => {
  f.received += 1;
  if (r.answeredAt !== null) f.answered += 1;
  if (r.answeredAt !== null && r.answeredAt.getTime() <= r.targetAt.getTime()) f.answeredBeforeTarget += 1;
  if (isOverdue(r, now)) f.overdue += 1;
  if (r.escalationLevel > 0) f.escalated += 1;
};

const UNROUTED_FA = 'در انتظار ارجاع';

/** The board: one line per agency and county (agencies by code, unrouted last), and the campaign's total. */
export const campaignBoard = (
  campaignId: string,
  rows: readonly CampaignRequestRow[],
  now: Date,
): CampaignBoard => {
  const lines = new Map<
    string,
    { agencyCode: string | null; countyCode: string; f: ReturnType<typeof zero> }
  >();
  const total = zero();
  for (const row of rows) {
    const key = `${row.agencyCode ?? '\uffff'}|${row.countyCode}`;
    const line = lines.get(key) ?? { agencyCode: row.agencyCode, countyCode: row.countyCode, f: zero() };
    lines.set(key, line);
    add(line.f, row, now);
    add(total, row, now);
  }
  return {
    campaignId,
    campaignName: rows.find((r) => r.campaignName)?.campaignName ?? null,
    targetAt: rows[0]?.targetAt.toISOString() ?? null,
    asOf: now.toISOString(),
    lines: [...lines.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, { agencyCode, countyCode, f }]) => ({
        agencyCode,
        agencyNameFa: agencyCode === null ? UNROUTED_FA : nameOf('agency', agencyCode).nameFa,
        countyCode,
        countyNameFa: nameOf('county', countyCode).nameFa,
        ...f,
      })),
    total,
  };
};
