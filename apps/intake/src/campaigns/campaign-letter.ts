import { parseCalendarDay, type CampaignLetter } from '@samad/request-lifecycle';
import { InputValidationError } from '@samad/service-kit';
import { CampaignError } from './campaign.errors';

/** A campaign as the registration needs it. */
export interface CampaignFacts {
  readonly id: string;
  readonly status: 'open' | 'closed';
  readonly countyCodes: readonly string[];
  readonly targetAt: Date;
  readonly name?: string;
}

export interface CampaignLetterInput {
  readonly id: string;
  readonly letterNumber: string;
  readonly letterDate: string;
}

/** The letter as the request's event records it, or why it cannot join the campaign (ADR 28). */
export const campaignLetterFor = (
  campaign: CampaignFacts | undefined,
  input: CampaignLetterInput,
  countyCode: string,
): CampaignLetter => {
  if (!campaign)
    throw new CampaignError('CAMPAIGN_NOT_FOUND', `سفری با شناسه ${input.id} نیست (no such campaign)`);
  if (campaign.status !== 'open')
    throw new CampaignError('CAMPAIGN_CLOSED', 'این سفر بسته شده و نامه نمی‌پذیرد (the campaign is closed)');
  if (!campaign.countyCodes.includes(countyCode)) {
    throw new CampaignError(
      'CAMPAIGN_COUNTY_MISMATCH',
      `شهرستان ${countyCode} در این سفر نیست (county not in the campaign: ${campaign.countyCodes.join(', ')})`,
    );
  }
  const letterDate = parseCalendarDay(input.letterDate);
  if (!letterDate) {
    throw new InputValidationError([
      { field: 'campaign.letterDate', message: 'must be a Jalali (۱۴۰۵/۰۹/۱۲) or ISO (2026-12-03) date' },
    ]);
  }
  return {
    campaignId: campaign.id,
    letterNumber: input.letterNumber.trim(),
    letterDate,
    targetAt: campaign.targetAt.toISOString(),
    ...(campaign.name && { campaignName: campaign.name }),
  };
};
