export * from './migrate-schema';
