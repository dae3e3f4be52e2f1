/**
 * Integration event type names: `samad.<aggregate>.<what-happened-in-kebab-case>`, past tense,
 * without the version (that travels in `eventVersion`). Versioned name for schema ids: `<type>.v<n>`.
 */
export const IntegrationEventTypes = {
  requestRegistered: 'samad.request.registered',
  requestRoutedToAgency: 'samad.request.routed-to-agency',
  requestAwaitingManualRouting: 'samad.request.awaiting-manual-routing',
  requestAcknowledged: 'samad.request.acknowledged',
  requestReferredInsideAgency: 'samad.request.referred-inside-agency',
  requestReturnedAsNotResponsible: 'samad.request.returned-as-not-responsible',
  requestAnswered: 'samad.request.answered',
  followUpRecorded: 'samad.request.follow-up-recorded',
  requestClosed: 'samad.request.closed',
  requestPersonalDataErased: 'samad.request.personal-data-erased',
  requestDueTimeSet: 'samad.request.due-time-set',
  requestDeadlineApproaching: 'samad.request.deadline-approaching',
  requestDeadlineMissed: 'samad.request.deadline-missed',
  requestEscalated: 'samad.request.escalated',
  requestAnswerRated: 'samad.request.answer-rated',
  requestAnswerObjected: 'samad.request.answer-objected',
  requestExtensionRequested: 'samad.request.extension-requested',
  requestExtensionApproved: 'samad.request.extension-approved',
  requestExtensionRefused: 'samad.request.extension-refused',
  requestInformationRequested: 'samad.request.information-requested',
  requestInformationSupplied: 'samad.request.information-supplied',
  requestDeadlineResumed: 'samad.request.deadline-resumed',
  requestMergedAsDuplicate: 'samad.request.merged-as-duplicate',
  requestDuplicateAbsorbed: 'samad.request.duplicate-absorbed',
  requestLinkedToMatter: 'samad.request.linked-to-matter',
  requestSignatoryAdded: 'samad.request.signatory-added',
  requestAttachmentAdded: 'samad.request.attachment-added',
  agencyRequestAssigned: 'samad.agency.request-assigned',
  agencyRequestUpdated: 'samad.agency.request-updated',
} as const;

export type IntegrationEventType = (typeof IntegrationEventTypes)[keyof typeof IntegrationEventTypes];

export const versionedEventName = (eventType: string, eventVersion: number): string =>
  `${eventType}.v${eventVersion}`;

/** Every request lifecycle event type (what samad.request-events carries). */
export const requestLifecycleEventTypes = [
  IntegrationEventTypes.requestRegistered,
  IntegrationEventTypes.requestRoutedToAgency,
  IntegrationEventTypes.requestAwaitingManualRouting,
  IntegrationEventTypes.requestAcknowledged,
  IntegrationEventTypes.requestReferredInsideAgency,
  IntegrationEventTypes.requestReturnedAsNotResponsible,
  IntegrationEventTypes.requestAnswered,
  IntegrationEventTypes.followUpRecorded,
  IntegrationEventTypes.requestClosed,
  IntegrationEventTypes.requestPersonalDataErased,
  IntegrationEventTypes.requestDueTimeSet,
  IntegrationEventTypes.requestDeadlineApproaching,
  IntegrationEventTypes.requestDeadlineMissed,
  IntegrationEventTypes.requestEscalated,
  IntegrationEventTypes.requestAnswerRated,
  IntegrationEventTypes.requestAnswerObjected,
  IntegrationEventTypes.requestExtensionRequested,
  IntegrationEventTypes.requestExtensionApproved,
  IntegrationEventTypes.requestExtensionRefused,
  IntegrationEventTypes.requestInformationRequested,
  IntegrationEventTypes.requestInformationSupplied,
  IntegrationEventTypes.requestDeadlineResumed,
  IntegrationEventTypes.requestMergedAsDuplicate,
  IntegrationEventTypes.requestDuplicateAbsorbed,
  IntegrationEventTypes.requestLinkedToMatter,
  IntegrationEventTypes.requestSignatoryAdded,
  IntegrationEventTypes.requestAttachmentAdded,
] as const;
