// A real browser for the web UI's tests: Debian's chromium driven by playwright-core. Never a
// browser downloaded by a tool (there is no network for that): infra/up installs chromium.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { describeWhen } from './infra';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const browserAvailable = (): boolean => existsSync(CHROMIUM_PATH);

/** describe() when chromium is installed, otherwise a visibly skipped suite (a failure under REQUIRE_INFRA=1). */
export function describeWithBrowser(name: string, fn: () => void): void {
  describeWhen(browserAvailable(), `no browser at ${CHROMIUM_PATH} (run infra/up: it installs Debian's chromium)`, name, fn);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, headless: true });
}
