import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { Public } from '@kontakt/identity';

/** `npm run build:web` writes the staff app here: dist/web beside dist/apps/server. */
export const WEB_APP_DIR = join(__dirname, '..', '..', '..', '..', 'web');

/**
 * Scripts only from the app's own origin; images from anywhere so a staff member can choose to show
 * an email's remote images (each email frame carries its own stricter policy until they do).
 */
const APP_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https: http:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Serves the built staff web app under /app. Hashed assets are cached for a year; any other path under
 * /app answers index.html, so the app's own routes survive a reload (SPA fallback).
 */
@ApiExcludeController()
@Public()
@Controller('app')
export class WebAppController {
  @Get()
  root(@Res() response: Response) {
    this.sendIndex(response);
  }

  @Get('*path')
  file(@Req() request: Request, @Res() response: Response) {
    const relative = normalize(decodeURIComponent(request.path.slice('/app/'.length)));
    const insideApp = !relative.startsWith('..') && !relative.includes(`${sep}..`);
    if (insideApp && relative.startsWith(`assets${sep}`) && existsSync(join(WEB_APP_DIR, relative))) {
      response.sendFile(relative, { root: WEB_APP_DIR, maxAge: '365d', immutable: true, dotfiles: 'deny' });
      return;
    }
    if (insideApp && relative.includes('.') && existsSync(join(WEB_APP_DIR, relative))) {
      response.sendFile(relative, { root: WEB_APP_DIR, dotfiles: 'deny' });
      return;
    }
    this.sendIndex(response);
  }

  private sendIndex(response: Response) {
    const index = join(WEB_APP_DIR, 'index.html');
    if (!existsSync(index)) {
      response.status(503).type('text/plain').send('The staff web app is not built; run npm run build. / Medarbejder-appen er ikke bygget; kør npm run build.');
      return;
    }
    response.set({ 'Cache-Control': 'no-cache', 'Content-Security-Policy': APP_POLICY, 'X-Content-Type-Options': 'nosniff' }).sendFile(index);
  }
}
