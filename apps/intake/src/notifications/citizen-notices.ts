import { IntegrationEventTypes, type RequestLifecycleIntegrationEventV1 } from '@samad/events';
import { nameOf } from '@samad/reference-data';
import { formatJalali } from '@samad/request-lifecycle';

/** What a citizen is told, and about which fact. Holds no personal data: recipients are looked up apart. */
export type CitizenNotice =
  | { readonly kind: 'registered'; readonly trackingCode: string; readonly at: string }
  | {
      readonly kind: 'answered';
      readonly trackingCode: string;
      readonly agencyCode: string;
      readonly at: string;
    }
  | { readonly kind: 'deadline_extended'; readonly trackingCode: string; readonly dueAt: string };

export type CitizenNoticeKind = CitizenNotice['kind'];

/** A registration's citizens who can be texted: present ones, each mobile once (first signatory wins). */
export function recipientsOfRegistration(
  citizens: readonly { readonly mobile: string | null }[],
): { citizenIndex: number; mobile: string }[] {
  const seen = new Set<string>();
  return citizens.flatMap((citizen, citizenIndex) => {
    if (citizen.mobile === null || seen.has(citizen.mobile)) return [];
    seen.add(citizen.mobile);
    return [{ citizenIndex, mobile: citizen.mobile }];
  });
}

/** The notice a request fact gives its citizens, if any. */
export function noticeOf(event: RequestLifecycleIntegrationEventV1): CitizenNotice | undefined {
  switch (event.eventType) {
    case IntegrationEventTypes.requestRegistered:
      return { kind: 'registered', trackingCode: event.data.trackingCode, at: event.data.registeredAt };
    case IntegrationEventTypes.requestAnswered:
      return {
        kind: 'answered',
        trackingCode: event.data.trackingCode,
        agencyCode: event.data.agencyCode,
        at: event.data.answeredAt,
      };
    case IntegrationEventTypes.requestExtensionApproved:
      return {
        kind: 'deadline_extended',
        trackingCode: event.data.trackingCode,
        dueAt: event.data.dueAt,
      };
    default:
      return undefined;
  }
}

export interface MessageSettings {
  /** The citizen's lookup; `{code}` becomes the tracking code. */
  readonly trackUrl: string;
}

const signature = 'سامانه ۱۱۱ استانداری هرمزگان';

/** The SMS text of a notice, in Persian with Jalali dates; the tracking code in Latin digits, to copy. */
export function composeSms(notice: CitizenNotice, settings: MessageSettings): string {
  const code = notice.trackingCode;
  const lookup = settings.trackUrl.replace('{code}', code);
  switch (notice.kind) {
    case 'registered':
      return [
        `درخواست شما در ${formatJalali(new Date(notice.at))} ثبت شد.`,
        `کد پیگیری: ${code}`,
        `پیگیری: ${lookup} با چهار رقم آخر همراه‌تان، یا تماس با ۱۱۱.`,
        signature,
      ].join('\n');
    case 'answered':
      return [
        `به درخواست ${code} در ${formatJalali(new Date(notice.at))} از سوی ${nameOf('agency', notice.agencyCode).nameFa} پاسخ داده شد.`,
        `دیدن پاسخ، امتیاز یا اعتراض: ${lookup} با چهار رقم آخر همراه‌تان، یا تماس با ۱۱۱.`,
        signature,
      ].join('\n');
    case 'deadline_extended':
      return [
        `مهلت پاسخ به درخواست ${code} تا ${formatJalali(new Date(notice.dueAt))} تمدید شد.`,
        `پیگیری: ${lookup} یا تماس با ۱۱۱.`,
        signature,
      ].join('\n');
  }
}
