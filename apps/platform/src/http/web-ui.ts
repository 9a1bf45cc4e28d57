import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';

// The web UI is static files with no build step (apps/platform/web): index.html at `/`, its ES
// modules and stylesheet under `/app/`, chart.js from node_modules at `/assets/vendor/chart.js`.
// Only those paths touch the file system, so /api, /docs, /health and /metrics are never shadowed.

export const WEB_UI_PREFIX = '/app';
export const CHART_JS_ROUTE = 'assets/vendor/chart.js';

/**
 * apps/platform/web, found by walking up from this file: it sits beside src/ when run from the
 * sources (jest) and two levels above dist/ when run from the swc build (`npm start`).
 */
export function webUiRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'apps', 'platform', 'web');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`web UI files (apps/platform/web/index.html) not found above ${from}`);
  }
}

/** The UMD build of chart.js 4 (defines window.Chart), from the installed package. */
export function chartJsFile(): string {
  return join(dirname(require.resolve('chart.js')), 'chart.umd.min.js');
}

/** Serves /app/* from apps/platform/web/app; a missing file falls through to Nest's JSON 404. */
export function mountWebUi(app: NestExpressApplication, root: string = webUiRoot()): void {
  app.useStaticAssets(join(root, 'app'), { prefix: WEB_UI_PREFIX, index: false, redirect: false, fallthrough: true });
}
