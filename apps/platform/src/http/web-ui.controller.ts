import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@tenderledger/auth';
import type { Response } from 'express';
import { join } from 'node:path';
import { CHART_JS_ROUTE, chartJsFile, webUiRoot } from './web-ui';

// The page itself loads only same-origin scripts and styles and talks only to this origin's /api.
const CONTENT_SECURITY_POLICY = ["default-src 'self'", "img-src 'self' data: blob:", "style-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"].join('; ');

/** The web UI's entry page and its one vendored script; everything it shows comes from /api with a bearer token. */
@ApiExcludeController()
@Public()
@Controller()
export class WebUiController {
  private readonly indexFile = join(webUiRoot(), 'index.html');
  private readonly chartJsPath = chartJsFile();

  @Get()
  @Header('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  @Header('Cache-Control', 'no-cache')
  index(@Res() res: Response): void {
    res.type('html').sendFile(this.indexFile);
  }

  @Get(CHART_JS_ROUTE)
  @Header('Cache-Control', 'public, max-age=86400')
  chartJs(@Res() res: Response): void {
    res.type('text/javascript').sendFile(this.chartJsPath);
  }
}
