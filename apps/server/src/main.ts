import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { AppConfig, ConfigError, loadConfig } from '@kontakt/config';
import { RunningPostgres, startEmbeddedPostgres } from '@kontakt/database';
import { AppModule } from './app.module';
import { ApiExceptionFilter } from './http/exception.filter';
import { jsonOnly } from './http/json-only.middleware';
import { rejectNulInUrl } from './http/reject-nul';
import { requestLogger } from './http/request-logger';
import { createRootLogger, PinoNestLogger } from './http/pino-logger';
import { apiValidationPipe } from './http/validation.pipe';

function readConfig(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Kontakt cannot start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main() {
  const config = readConfig();
  const log = createRootLogger(config.logLevel);

  let embedded: RunningPostgres | undefined;
  if (!config.databaseUrl) {
    const pgLog = log.child({ context: 'EmbeddedPostgres' });
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort, database: 'kontakt', log: (line) => pgLog.debug(line) });
    log.info({ event: 'embedded_postgres_started', dataDir: config.dataDir, port: config.embeddedPostgresPort });
  }

  let app: NestExpressApplication;
  try {
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, config.databaseUrl ?? embedded!.url), {
      logger: new PinoNestLogger(log),
      bodyParser: false,
      abortOnError: false,
    });
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  app.set('trust proxy', config.trustProxyHops);
  app.disable('x-powered-by');
  app.use(requestLogger(log));
  app.use(cookieParser());
  app.use('/api', jsonOnly);
  app.use(rejectNulInUrl);
  app.useBodyParser('json', { limit: '256kb' });
  app.useBodyParser('urlencoded', { limit: '256kb', extended: false });
  app.useGlobalPipes(apiValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());

  const openApi = new DocumentBuilder()
    .setTitle('Kontakt API')
    .setDescription('Omnichannel contact routing for public-sector contact centres')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'api/docs-json' });

  await app.listen(config.port);
  const address = app.getHttpServer().address();
  log.info({ event: 'listening', port: typeof address === 'object' && address ? address.port : config.port });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ event: 'shutdown', signal });
    await app.close();
    if (embedded) await embedded.stop();
    log.info({ event: 'stopped' });
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  const verbose = process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace';
  const detail = error instanceof Error ? (verbose ? error.stack : error.message) : String(error);
  process.stderr.write(`Kontakt failed to start: ${detail}\n`);
  process.exit(1);
});
