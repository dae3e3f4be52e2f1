/** Kafka topic names: the one place services learn where to publish and listen. */
export const Topics = {
  requestEvents: 'samad.request-events',
  deadLetter: 'samad.dead-letter',
  agency: (agencyCode: string): string => `samad.agency.${agencyCode.toLowerCase()}`,
} as const;
