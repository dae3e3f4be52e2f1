// Store-wide tamper evidence: Merkle tree over every event, signed checkpoints, verification, bundles (ADR 0030).
export * from './merkle';
export * from './audit-leaf';
export * from './audit-log';
export * from './checkpoint';
export * from './audit-verifier';
export * from './audit-bundle';
export * from './postgres-audit-source';
export * from './postgres-audit-checkpointer';
export * from './eventstoredb-audit-source';
export * from './store-audit-leaves';
export * from './audit-problem.text';
