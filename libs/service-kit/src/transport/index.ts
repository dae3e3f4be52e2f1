export * from './samad-kafka.server';
export * from './samad-message.context';
export * from './connect-samad-transport';
export * from './keep-original-error.rpc-filter';
export * from './consumer-monitor';
export * from './message.controller.decorator';
export * from './broadcast-consumer';
export * from './backoff';
