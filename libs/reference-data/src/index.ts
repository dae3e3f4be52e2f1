export * from './hormozgan.catalog';
