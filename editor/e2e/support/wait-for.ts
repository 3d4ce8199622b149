import type { Locator } from 'playwright-core';

/**
 * Waits for what a person would see, polling the page: the suite waits for selectors and states,
 * never for fixed sleeps. Fails with what it waited for and what it last saw.
 */
export async function until(check: () => Promise<boolean>, what: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const textOf = async (locator: Locator) => (await locator.allTextContents()).join(' ');

export async function hasText(locator: Locator, text: string): Promise<void> {
  let seen = '';
  await until(async () => {
    seen = await textOf(locator);
    return seen.includes(text);
  }, `"${text}" in ${locator}`).catch((error: Error) => {
    throw new Error(`${error.message} (saw "${seen.slice(0, 200)}")`);
  });
}

export async function hasExactText(locator: Locator, text: string): Promise<void> {
  await until(async () => (await textOf(locator)).trim() === text, `exactly "${text}" in ${locator}`);
}

export async function hasCount(locator: Locator, count: number): Promise<void> {
  await until(async () => (await locator.count()) === count, `${count} of ${locator}`);
}

export async function hasAttribute(locator: Locator, name: string, value: string | RegExp): Promise<void> {
  await until(async () => {
    if ((await locator.count()) === 0) return false;
    const actual = (await locator.first().getAttribute(name)) ?? '';
    return typeof value === 'string' ? actual === value : value.test(actual);
  }, `${name}=${value} on ${locator}`);
}

export async function isDisabled(locator: Locator): Promise<void> {
  await until(
    async () => (await locator.count()) > 0 && (await locator.first().isDisabled()),
    `${locator} disabled`,
  );
}
