export * from './request-context';
export * from './samad-metrics';
export * from './tracing';
export * from './observe-http';
export * from './instrumented-event-store';
export * from './metrics.controller';
