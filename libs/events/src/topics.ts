/** Kafka topic names: the one place services learn where to publish and listen. */
export const Topics = {
  requestEvents: 'samad.request-events',
  deadLetter: 'samad.dead-letter',
  /** Signed store-wide checkpoints (ADR 0030); kept forever. */
  auditCheckpoints: 'samad.audit.checkpoints',
  agency: (agencyCode: string): string => `samad.agency.${agencyCode.toLowerCase()}`,
} as const;
