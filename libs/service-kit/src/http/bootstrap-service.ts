import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import {
  ConfigError,
  loadServiceConfig,
  type ServiceConfig,
  type ServiceName,
} from '../config/service-config';
import { JsonLogger } from '../logging/json-logger';
import { startTracing, stopTracing } from '../observability/tracing';
import { prepareServiceApp } from './prepare-service-app';

export interface ServiceDefinition {
  name: ServiceName;
  title: string;
  module: (config: ServiceConfig) => DynamicModule;
}

/** Starts one service: validated config, JSON logs, OpenAPI at /docs, graceful shutdown on SIGTERM/SIGINT. */
export async function bootstrapService(definition: ServiceDefinition): Promise<INestApplication> {
  let config: ServiceConfig;
  let module: DynamicModule;
  try {
    // The one reader of the environment: every wrong value, of every part, in one ConfigError.
    config = loadServiceConfig(definition.name);
    // Building the module reads the token keys; an unreadable one is a configuration error too.
    module = definition.module(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`samad-${definition.name}: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  // Before anything else runs, so every span has its exporter (off unless OTEL_* asks for it, ADR 0035).
  const tracing = startTracing(definition.name);
  const logger = new JsonLogger(definition.name, config.logLevel, process.env.SAMAD_INSTANCE_ID);
  const app = await NestFactory.create<NestExpressApplication>(module, { logger, bufferLogs: true });
  await prepareServiceApp(app, config);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(definition.title).setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('docs', app, document);
  await app.listen(config.port, config.host);
  logger.log(
    { msg: 'listening', url: `http://127.0.0.1:${config.port}`, docs: `/docs`, metrics: '/metrics', tracing },
    'bootstrap',
  );
  closeOnSignals(app, config, logger);
  return app;
}

// Close modules (consumers commit, connections drain) on SIGTERM; if something hangs, exit anyway at the deadline.
function closeOnSignals(app: INestApplication, config: ServiceConfig, logger: JsonLogger): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals | 'supervisor gone'): void => {
    if (closing) return;
    closing = true;
    logger.log({ msg: 'shutting down', signal }, 'bootstrap');
    setTimeout(() => {
      logger.error(`shutdown exceeded ${config.shutdownTimeoutMs} ms; exiting`);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    app.close().then(
      // The last spans are sent before exiting (the exporter's own timeout bounds it).
      () => stopTracing().then(() => process.exit(0)),
      (error: Error) => {
        logger.error(`shutdown failed: ${error.message}`, error.stack);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  // Started by npm start's supervisor (over an IPC channel): if it dies, even by SIGKILL, stop rather than linger.
  if (process.connected) process.once('disconnect', () => shutdown('supervisor gone'));
}
