export * from './hormozgan.catalog';
export * from './request-labels';
export * from './reference-names';
