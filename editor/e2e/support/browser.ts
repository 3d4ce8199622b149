import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { RESULTS } from './paths.ts';

export const CHROMIUM = '/usr/bin/chromium';

/** The flags this machine needs (no GPU, a closed network: no background connections). */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  browser: Browser;
  page: Page;
  /** Page errors and failed requests: a clean run has none. */
  problems: string[];
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with a fresh profile; screenshots go to editor/test-results/. */
export async function openBrowser(language = 'zh-CN'): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk (as .ci/run does)`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Playwright gives every launch a new, empty profile of its own.
    args: [...FLAGS, `--lang=${language}`],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: language });
  const page = await context.newPage();
  // Fail within seconds, not Playwright's 30 s: every wait here is for something already on its way.
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`),
  );
  mkdirSync(RESULTS, { recursive: true });
  return {
    browser,
    page,
    problems,
    async shot(name) {
      const path = `${RESULTS}${name}.png`;
      await page.screenshot({ path });
      return path;
    },
    async close() {
      await browser.close();
    },
  };
}
