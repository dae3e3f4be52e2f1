// The application layer every service shares: load a request's stream, decide, append; typed reads of the store.
export * from './personal-data-views';
export * from './request-events.loader';
export * from './request-command.handler';
export * from './request-event.encoder';
export * from './request-event.opener';
