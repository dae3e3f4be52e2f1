import type { RequestChannel, RequestKind, RequestStatus } from '@samad/events';

export interface Label {
  readonly nameFa: string;
  readonly nameEn: string;
}

// Shown to operators and citizens; the codes stay the published vocabulary.
export const kindLabels: Readonly<Record<RequestKind, Label>> = {
  request: { nameFa: 'درخواست', nameEn: 'Request' },
  complaint: { nameFa: 'شکایت', nameEn: 'Complaint' },
  demand: { nameFa: 'مطالبه', nameEn: 'Demand' },
};

export const channelLabels: Readonly<Record<RequestChannel, Label>> = {
  phone: { nameFa: 'تماس تلفنی ۱۱۱', nameEn: '111 phone call' },
  desk: { nameFa: 'میز ارتباطات مردمی', nameEn: "People's desk" },
  trip_letter: { nameFa: 'نامه سفر استانی', nameEn: 'Provincial trip letter' },
  web: { nameFa: 'درگاه اینترنتی', nameEn: 'Web' },
};

// What a citizen is told: the inner steps of an agency's work read as one "under review".
export const statusLabels: Readonly<Record<RequestStatus, Label>> = {
  registered: { nameFa: 'ثبت شده', nameEn: 'Registered' },
  awaiting_manual_routing: { nameFa: 'در انتظار ارجاع', nameEn: 'Awaiting referral' },
  routed: { nameFa: 'ارجاع به دستگاه', nameEn: 'Referred to the agency' },
  acknowledged: { nameFa: 'در حال بررسی', nameEn: 'Under review' },
  referred: { nameFa: 'در حال بررسی', nameEn: 'Under review' },
  returned: { nameFa: 'در انتظار ارجاع', nameEn: 'Awaiting referral' },
  answered: { nameFa: 'پاسخ داده شده', nameEn: 'Answered' },
  closed: { nameFa: 'مختومه', nameEn: 'Closed' },
};
