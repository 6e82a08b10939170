/**
 * The n8n editor in Debian's chromium, driven by playwright-core (installed by e2e/install.sh;
 * no browser download), for the README screenshots (scripts/screenshots.ts).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { E2E_DIR } from './n8n-process';

export const CHROMIUM = '/usr/bin/chromium';
export const VIEWPORT = { width: 1440, height: 900 };

/** The DOM element calls used inside `evaluate` (the main tsconfig has no DOM library). */
export interface PageElement {
  parentElement: PageElement | null;
  scrollHeight: number;
  clientHeight: number;
  scrollIntoView(options?: { block?: 'start' | 'center' | 'end' }): void;
  scrollBy(x: number, y: number): void;
}
/** The few playwright-core calls used here, typed by hand so the main type-check needs no e2e install. */
export interface Locator {
  click(options?: { timeout?: number }): Promise<void>;
  dblclick(): Promise<void>;
  first(): Locator;
  last(): Locator;
  count(): Promise<number>;
  boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null>;
  evaluate<T>(fn: (element: PageElement) => T): Promise<T>;
  waitFor(options?: { state?: 'visible' | 'attached' | 'hidden'; timeout?: number }): Promise<void>;
}
export interface Page {
  goto(url: string): Promise<unknown>;
  url(): string;
  fill(selector: string, value: string): Promise<void>;
  click(selector: string): Promise<void>;
  locator(selector: string): Locator;
  waitForSelector(selector: string, options?: { timeout?: number; state?: 'visible' | 'attached' | 'hidden' }): Promise<unknown>;
  waitForURL(match: (url: URL) => boolean): Promise<void>;
  waitForTimeout(ms: number): Promise<void>;
  screenshot(options: { path: string }): Promise<unknown>;
  keyboard: { press(key: string): Promise<void> };
  mouse: { move(x: number, y: number, options?: { steps?: number }): Promise<void>; down(): Promise<void>; up(): Promise<void> };
  setDefaultTimeout(ms: number): void;
  setDefaultNavigationTimeout(ms: number): void;
}
interface BrowserContext {
  pages(): Page[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}
interface PlaywrightCore {
  chromium: { launchPersistentContext(userDataDir: string, options: Record<string, unknown>): Promise<BrowserContext> };
}

/** Installs Debian's chromium when it is missing (needs root, like the rest of the machine set-up). */
export function ensureChromium(log: (line: string) => void): void {
  if (fs.existsSync(CHROMIUM)) return;
  log(`${CHROMIUM} is missing: installing Debian's chromium with apt-get (playwright-core downloads no browser).`);
  const aptGet = (...args: string[]) =>
    execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  try {
    aptGet('install', '-y', '--no-install-recommends', 'chromium');
  } catch {
    aptGet('update'); // a fresh machine may have no package lists yet
    aptGet('install', '-y', '--no-install-recommends', 'chromium');
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`apt-get finished but ${CHROMIUM} is still missing; install chromium by hand (apt-get install chromium).`);
}

function loadPlaywright(): PlaywrightCore {
  try {
    return createRequire(path.join(E2E_DIR, 'package.json'))('playwright-core') as PlaywrightCore;
  } catch {
    throw new Error('playwright-core is not installed in e2e/node_modules: run `bash e2e/install.sh` first.');
  }
}

export interface Editor {
  page: Page;
  close(): Promise<void>;
}

/** Chromium with a new, throw-away profile; the flags keep it from calling home or updating itself. */
export async function openBrowser(): Promise<Editor> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-screenshots-chromium-'));
  const context = await loadPlaywright().chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: VIEWPORT,
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // n8n's editor bundle is large; on a busy 2-core machine the first load took more than 30 s.
  page.setDefaultTimeout(120_000);
  page.setDefaultNavigationTimeout(120_000);
  return {
    page,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function signIn(page: Page, url: string, owner: { email: string; password: string }): Promise<void> {
  await page.goto(`${url}/signin`);
  await page.fill('#emailOrLdapLoginId', owner.email);
  await page.fill('#password', owner.password);
  await page.click('[data-test-id="form-submit-button"]');
  await page.waitForURL((current) => !current.pathname.startsWith('/signin'));
}

export async function openWorkflow(page: Page, url: string, workflowId: string): Promise<void> {
  await page.goto(`${url}/workflow/${workflowId}`);
  await page.waitForSelector('[data-test-id="canvas-node"]');
  await page.waitForTimeout(1_500); // the canvas fits the view after the nodes render
}

export const canvasNode = (page: Page, nodeName: string): Locator =>
  page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName.replace(/"/g, '\\"')}"]`);

/** Opens a node's panel (NDV) from the canvas. */
export async function openNodePanel(page: Page, nodeName: string): Promise<void> {
  await canvasNode(page, nodeName).dblclick();
  await page.waitForSelector('[data-test-id="ndv"] [data-test-id="node-parameters"]');
}

export async function closeNodePanel(page: Page): Promise<void> {
  await page.click('[data-test-id="ndv-close-button"]');
  await page.waitForSelector('[data-test-id="ndv"]', { state: 'hidden' });
}

/**
 * Moves the panel dividers: the parameters panel from `parametersLeft`, `parametersWidth` wide,
 * so long field labels are not cut off. The dividers are the NDV's two resize handles.
 */
export async function arrangePanels(page: Page, parametersLeft: number, parametersWidth: number): Promise<void> {
  const handles = page.locator('[data-test-id="ndv"] [data-test-id="resize-handle"]');
  if ((await handles.count()) < 2) return; // another NDV layout: keep n8n's own
  const drag = async (handle: Locator, toX: number) => {
    const box = await handle.boundingBox();
    if (!box) return;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(toX, y, { steps: 10 });
    await page.mouse.up();
  };
  await drag(handles.first(), parametersLeft);
  await drag(handles.last(), parametersLeft + parametersWidth);
}

/** Shows the output panel's run data as JSON (the last display-mode switch in the NDV is the output's). */
export async function showOutputAsJson(page: Page): Promise<void> {
  await page.locator('[data-test-id="ndv"] [data-test-id="radio-button-json"]').last().click();
}

/** Closes n8n's toasts and parks the mouse where it opens no tooltip, then saves the PNG. */
export async function capture(page: Page, file: string): Promise<void> {
  if (new URL(page.url()).pathname.startsWith('/signin')) throw new Error(`The editor showed the sign-in page instead of the view for ${file}.`);
  for (let toasts = await page.locator('.el-notification__closeBtn').count(); toasts > 0; toasts--) {
    await page.locator('.el-notification__closeBtn').first().click({ timeout: 5_000 }).catch(() => undefined);
  }
  await page.mouse.move(VIEWPORT.width / 2, 12);
  await page.waitForTimeout(1_000);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
}
