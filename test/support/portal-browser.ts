import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { local } from './local.ts';
import { signedIn } from './portal.ts';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/** A tab in a fresh context (its own storage), at a size and with the browser's language; page errors are collected. */
export async function portalTab(browser: Browser, options: { viewport?: { width: number; height: number }; locale?: string } = {}) {
  const context: BrowserContext = await browser.newContext({ viewport: options.viewport ?? DESKTOP, locale: options.locale ?? 'en-GB' });
  const page = await context.newPage();
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(error.message));
  return { context, page, failures };
}

export const portalUrl = (portalName: string, path = '') => `${local().apiUrl}/p/${portalName}${path ? `/${path}` : ''}`;

/** Signs in through the sign-in page and waits for the documents. */
export async function signInInBrowser(page: Page, portalName: string, email: string, password: string) {
  await page.goto(portalUrl(portalName));
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForURL(`**/p/${portalName}/documents`);
}

/** A session without the sign-in page: the tokens the API gives, put where the app keeps them, before any page loads. */
export async function withSession(context: BrowserContext, portalName: string, email: string, password: string) {
  const tokens = await signedIn(portalName, email, password);
  await context.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem(key!)) sessionStorage.setItem(key!, value!);
    },
    [`portico:${portalName}`, JSON.stringify(tokens)],
  );
}

/** The page's heading once loaded (the app shows a heading while loading too: wait for this one). */
export const heading = (page: Page, text: string | RegExp) => page.locator('h1', { hasText: text }).waitFor();

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * axe-core finds nothing, and the page is no wider than the window. axe is put into the page once (evaluated, so
 * the page's policy does not apply) and stays while the app re-renders, so checking each language and width costs
 * one run each.
 */
export async function expectAccessibleAndFitting(page: Page, where: string) {
  if (await page.evaluate(() => !('axe' in window))) await page.evaluate(axe.source);
  const { violations } = await page.evaluate(
    (tags) => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  expect(
    violations.map((violation) => `${where}: ${violation.id} ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
    where,
  ).toEqual([]);
  const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scrollWidth, `${where}: scrollWidth`).toBeLessThanOrEqual(innerWidth!);
}
