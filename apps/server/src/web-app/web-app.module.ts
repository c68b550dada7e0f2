import { Module } from '@nestjs/common';
import { WebAppController } from './web-app.controller';

/** The staff web app's static files under /app (built by Vite into dist/web). */
@Module({ controllers: [WebAppController] })
export class WebAppModule {}
