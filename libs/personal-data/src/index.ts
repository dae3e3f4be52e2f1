// Public API of @samad/personal-data: citizens' personal data sealed per citizen, and erased by destroying the key.
export * from './personal-data.secret';
export * from './personal-data.cipher';
export * from './citizen.digests';
export * from './citizen-key.vault';
export * from './personal-data-protecting.event-store';
export { personalDataMigrations } from './migrations';
export { runPersonalDataMigrations } from './run-personal-data-migrations';
