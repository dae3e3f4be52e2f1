/** Errors whose `code` the problem catalog maps to Problem Details (ADR 12). */
export class CampaignError extends Error {
  constructor(
    readonly code: 'CAMPAIGN_NOT_FOUND' | 'CAMPAIGN_CLOSED' | 'CAMPAIGN_COUNTY_MISMATCH',
    message: string,
  ) {
    super(message);
  }
}
