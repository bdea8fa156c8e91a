/** Debian's Chromium driven by playwright-core, started the way this machine allows (never a download). */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian installs Chromium. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Whether the browser is there; under CI its absence is a failure, elsewhere a skip with a hint. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env['CI'] === 'true')
    throw new Error(`Chromium is required under CI (${CHROMIUM}): apt-get install -y chromium`);
  console.warn(
    `跳过端到端测试 / skipping the end-to-end tests: no browser at ${CHROMIUM}; install it with \`apt-get install -y chromium\``,
  );
  return false;
}

/** Launches headless Chromium with the flags this machine's closed network needs. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
