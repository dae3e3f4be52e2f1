// Public API of @samad/personal-data: citizens' personal data sealed per citizen, and erased by destroying the key.
export * from './personal-data.secret';
export * from './personal-data.cipher';
export * from './citizen.digests';
export * from './citizen-key.vault';
export * from './personal-data-protecting.event-store';
export { personalDataMigrations } from './migrations';
export { runPersonalDataMigrations } from './run-personal-data-migrations';
export * from './attachments/attachment-storage.port';
export * from './attachments/attachment-type';
export * from './attachments/postgres-attachment.storage';
export * from './attachments/s3-attachment.storage';
export * from './attachments/attachments.config';
export * from './attachments/sealed-attachments';
