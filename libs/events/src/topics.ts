/** Kafka topic names: the one place services learn where to publish and listen. */
export const Topics = {
  requestEvents: 'samad.request-events',
  deadLetter: 'samad.dead-letter',
  /** Signed store-wide checkpoints (ADR 0030); kept forever. */
  auditCheckpoints: 'samad.audit.checkpoints',
  /** Calls the PBX reports answered, for the operators' screens (ADR 0045); intake's alone, kept minutes. */
  answeredCalls: 'samad.telephony.answered-calls',
  agency: (agencyCode: string): string => `samad.agency.${agencyCode.toLowerCase()}`,
} as const;
