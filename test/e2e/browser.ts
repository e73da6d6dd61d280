// Debian's chromium driven by playwright-core (never a downloaded browser), at 1280×800, with the
// flags this closed network needs (STACK-NOTES traps 8, 12). Screenshots go to test-results/screenshots/.
// An e2e file gets its browser, context and page from browserPerFile(), which registers the hooks.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { ROOT } from './server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  // A screen that does not appear within 10 s is a failure (loopback; the first render takes < 1 s).
  context.setDefaultTimeout(10_000);
  return context;
}

export interface BrowserPerFile {
  /** The file's chromium: launched before its first test, closed after its last. */
  browser: Browser;
  /** The current browser context (a user with no cookies until it logs in) … */
  context: BrowserContext;
  /** … and its one page. */
  page: Page;
  /** Closes the current context and opens a new one with its page: another user, signed out. */
  fresh(): Promise<void>;
  /**
   * Accepts browser console errors matching `pattern` until the end of the current test, for a test
   * that provokes them on purpose (say why in `reason`). Any other page error still fails the test.
   */
  allowErrors(pattern: RegExp, reason: string): void;
}

/**
 * The browser set-up of an e2e file, with its hooks registered: call it once at the top of the file,
 * `const { page, context } = browserPerFile();`. By default each test gets a new context and page
 * (beforeEach) closed after it (afterEach); with `perTest: false` the file opens them itself with
 * `fresh()` (a journey across users). `timeoutMs` replaces the 10 s default wait of every action, for
 * screens that act on the server on a loaded machine.
 *
 * `browser`, `context` and `page` are live handles, usable before the hooks have run: each stands for
 * the object open at the moment it is used (the current test's page, not the first one), so they can
 * be destructured once and used in helpers at the top of the file. Using one while nothing is open
 * (e.g. `page` in a beforeAll) throws.
 */
export function browserPerFile(options: { perTest?: boolean; timeoutMs?: number } = {}): BrowserPerFile {
  const baseUrl = inject('baseUrl');
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const errors = pageErrors();
  const fresh = async () => {
    if (!browser) throw new Error('fresh(): the browser is not launched yet (use it in a test or a beforeEach)');
    await context?.close();
    context = await newContext(browser, baseUrl);
    if (options.timeoutMs !== undefined) context.setDefaultTimeout(options.timeoutMs);
    errors.watch(context);
    page = await context.newPage();
  };
  beforeAll(async () => {
    browser = await launchChromium();
  });
  // Registered first so that it runs after the test's own afterEach hooks (they run in reverse order).
  afterEach(() => errors.check());
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    errors.check();
  });
  if (options.perTest !== false) {
    beforeEach(fresh);
    afterEach(async () => {
      await context?.close();
      context = undefined;
      page = undefined;
    });
  }
  return {
    browser: live('browser', () => browser),
    context: live('context', () => context),
    page: live('page', () => page),
    fresh,
    allowErrors: (pattern, reason) => errors.allow(pattern, reason),
  };
}

/**
 * Every uncaught exception (`pageerror`) and every `console.error` of every page of a context, the
 * browser's own "Failed to load resource" lines included: a screen that works logs nothing. `check()`
 * throws with what was seen since the last check (the test that caused it fails) and starts afresh;
 * `allow()` accepts a console error a test provokes on purpose, until that check.
 */
function pageErrors() {
  let seen: string[] = [];
  let allowed: { pattern: RegExp; reason: string }[] = [];
  const watchPage = (p: Page, methods: Map<string, string>) => {
    p.on('pageerror', (e) => {
      seen.push(`${p.url()}: uncaught ${e.name}: ${e.message}`);
    });
    p.on('console', (m) => {
      if (m.type() !== 'error') return;
      const at = m.location().url;
      const error = { text: m.text(), url: at, method: methods.get(at) };
      if (EXPECTED_CONSOLE_ERRORS.some((x) => x.matches(error)) || allowed.some((a) => a.pattern.test(m.text()))) return;
      seen.push(`${p.url()}: console.error: ${m.text()}${at ? ` (${error.method ?? ''} ${at})` : ''}`);
    });
  };
  return {
    watch(context: BrowserContext) {
      // The browser's "Failed to load resource" line names the URL, not the method: remember it.
      const methods = new Map<string, string>();
      context.on('request', (r) => {
        methods.set(r.url(), r.method());
      });
      for (const p of context.pages()) watchPage(p, methods);
      context.on('page', (p) => watchPage(p, methods));
    },
    allow(pattern: RegExp, reason: string) {
      allowed.push({ pattern, reason });
    },
    check() {
      const found = seen;
      seen = [];
      allowed = [];
      if (found.length > 0) throw new Error(`The browser reported ${found.length} error(s):\n${found.join('\n')}`);
    },
  };
}

interface ConsoleError {
  text: string;
  url: string;
  method: string | undefined;
}

/**
 * Console errors that are not faults of the page, each with its reason. Keep this list short: a new
 * entry needs a reason a reviewer would accept. A failed GET is never here: a screen asks only for what
 * its user may see (a test opening a forbidden URL on purpose says so with `allowErrors`).
 */
const EXPECTED_CONSOLE_ERRORS: { reason: string; matches(e: ConsoleError): boolean }[] = [
  {
    reason:
      'An act the server refuses (a wrong password, a form with a mistake, a change not allowed in this ' +
      'state) is answered 4xx with a Chinese message the screen shows; the browser logs the status by itself.',
    matches: (e) =>
      /status of 4\d\d/.test(e.text) && e.method !== undefined && e.method !== 'GET' && new URL(e.url).pathname.startsWith('/api/'),
  },
];

/** A stand-in that forwards every use to whatever `current()` returns at that moment. */
function live<T extends object>(name: string, current: () => T | undefined): T {
  const target = (): T => {
    const t = current();
    if (!t) throw new Error(`browserPerFile(): no ${name} is open here (it is opened for each test, or by fresh())`);
    return t;
  };
  return new Proxy({} as T, {
    get(_, prop) {
      // Not a promise (so it can be returned from an async function), and printable while closed.
      if (prop === 'then' || (typeof prop === 'symbol' && !current())) return undefined;
      const t = target();
      const value: unknown = Reflect.get(t, prop, t);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
    set(_, prop, value) {
      return Reflect.set(target(), prop, value);
    },
    has(_, prop) {
      return Reflect.has(target(), prop);
    },
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Nothing half-loaded in the picture: wait for every spinner and skeleton to go.
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .ant-table-placeholder .ant-spin'));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** Logs in through the login form, as a user would. */
export async function logIn(page: Page, username: string, password = 'demo2020'): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('main').getByRole('button', { name: '登录' }).click();
}
