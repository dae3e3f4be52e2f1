import { Controller, UseFilters, applyDecorators } from '@nestjs/common';
import { KeepOriginalErrorRpcFilter } from './keep-original-error.rpc-filter';

/**
 * A class of `@EventPattern` handlers served by the Samad Kafka transport. Errors reach the transport as
 * thrown, so it can tell a transient failure (wait) from a refusal (park).
 */
export const MessageController = (): ClassDecorator =>
  applyDecorators(Controller(), UseFilters(new KeepOriginalErrorRpcFilter()));
