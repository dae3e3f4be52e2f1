import type { EventStore } from '@samad/event-store';
import { loadRequest } from '@samad/request-application';
import { nameOf } from '@samad/reference-data';
import {
  DomainError,
  fillAnswerTemplate,
  formatJalali,
  isErasedCitizen,
  isRegistered,
} from '@samad/request-lifecycle';
import type { AnswerTemplateRow } from './answer-template.store';

/**
 * Fills a template for one request held by the agency. The citizen's name is opened from the event store
 * here, at fill time, and goes only into the text returned (ADR 36): templates never hold it.
 */
export async function fillForRequest(
  store: EventStore,
  template: AnswerTemplateRow,
  trackingCode: string,
  agencyCode: string,
): Promise<string> {
  const { state } = await loadRequest(store, trackingCode);
  if (!isRegistered(state) || state.agencyCode !== agencyCode) {
    throw new DomainError(
      'REQUEST_NOT_FOUND',
      `request ${trackingCode} is not in the inbox of ${agencyCode}`,
    );
  }
  const [first] = state.citizens;
  return fillAnswerTemplate(template.body, {
    // An erased citizen is addressed without a name.
    citizen_name: first && !isErasedCitizen(first) ? first.fullName : 'شهروند',
    tracking_code: state.trackingCode,
    category: nameOf('category', state.categoryCode).nameFa,
    registered_at_jalali: formatJalali(new Date(state.registeredAt)),
  });
}
