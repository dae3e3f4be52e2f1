// The reporting read model shared by the reporting service and the auditor CLI: the projection's pure rule,
// the table's bulk writes, the summary query, and the replays built on them (rebuild, as-of).
export * from './request-statistics.row';
export * from './request-statistics.fold';
export * from './request-statistics.table';
export * from './request-statistics.replay';
export * from './request-statistics.rebuild';
export * from './request-status.sql';
export * from './request-summary.sql';
export * from './audit-checkpoints.table';
