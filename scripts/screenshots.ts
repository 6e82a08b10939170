/**
 * README screenshots of our nodes in the real n8n editor, so they stay current:
 *   npm run screenshots        (builds, installs e2e/, then runs this)
 *   npx tsx scripts/screenshots.ts [--package <built package dir>] [--out <dir>]
 * Starts the local Cloud API emulator and n8n 2.41 (e2e/) with the package installed as a
 * community package, drives the editor in Debian's chromium with playwright-core, and writes
 * PNGs (1440×900) to docs/screenshots/. Everything it starts is stopped at the end.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startN8n, isN8nInstalled, type RunningN8n } from '../e2e/n8n';
import {
  arrangePanels,
  capture,
  closeNodePanel,
  ensureChromium,
  openBrowser,
  openNodePanel,
  openWorkflow,
  showOutputAsJson,
  signIn,
  type Editor,
  type Page,
} from '../e2e/lib/screenshots-browser';
import { SHOT_NODES, inboundWorkflow, orderConfirmationWorkflow, type ShotWorkflowOptions } from '../e2e/lib/screenshots-workflows';
import { SEED, startEmulator, type RunningEmulator } from '../emulator';

const ROOT = path.resolve(__dirname, '..');
const log = (line: string) => console.log(`screenshots: ${line}`);

function parseArguments(argv: string[]): { packageDir: string; outDir: string } {
  const options = { packageDir: ROOT, outDir: path.join(ROOT, 'docs', 'screenshots') };
  for (let index = 0; index < argv.length; index += 2) {
    const [flag, value] = [argv[index], argv[index + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value.`);
    if (flag === '--package') options.packageDir = path.resolve(value);
    else if (flag === '--out') options.outDir = path.resolve(value);
    else throw new Error(`Unknown option ${flag}. Use --package <built package dir> and --out <dir>.`);
  }
  return options;
}

interface PackageManifest {
  name: string;
  n8n?: { nodes?: string[] };
}

function readPackage(packageDir: string): PackageManifest {
  const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as PackageManifest;
  const missing = (manifest.n8n?.nodes ?? []).filter((file) => !fs.existsSync(path.join(packageDir, file)));
  if (missing.length > 0) throw new Error(`${missing.join(', ')} not built: run \`npm run build\` (or use \`npm run screenshots\`).`);
  return manifest;
}

/** An order from a customer who last wrote three days ago: the 24 h window is closed, so the template goes. */
function orderPlacedPinData() {
  const lastInboundAt = new Date(Date.now() - 3 * 24 * 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');
  const body = { phone: '+15551234567', first_name: 'Pablo', order_number: '860198', order_total: '$42.00', last_inbound_at: lastInboundAt };
  return { 'Order placed': [{ json: { headers: { 'content-type': 'application/json' }, params: {}, query: {}, body } }] };
}

async function prepareN8n(n8n: RunningN8n, emulator: RunningEmulator, manifest: PackageManifest) {
  const credentialName = 'WhatsApp (local emulator)';
  const credentialId = await n8n.createCredential({
    name: credentialName,
    type: 'whatsAppCloudApi',
    data: {
      accessToken: SEED.accessToken,
      wabaId: SEED.wabaId,
      phoneNumberId: SEED.phoneNumberId,
      graphApiVersion: 'v23.0',
      baseUrl: emulator.url,
      appId: SEED.appId,
      appSecret: SEED.appSecret,
      verifyToken: SEED.verifyToken,
    },
  });
  const options: ShotWorkflowOptions = { packageName: manifest.name, credentialId, credentialName };
  const orderWorkflowId = await n8n.importWorkflow(orderConfirmationWorkflow(options));
  // The public API refuses pinData; the editor's own REST call takes it (with the version it edits).
  const { versionId } = await n8n.rest<{ versionId: string }>('GET', `/workflows/${orderWorkflowId}`);
  await n8n.rest('PATCH', `/workflows/${orderWorkflowId}`, { pinData: orderPlacedPinData(), versionId });
  const hasTrigger = (manifest.n8n?.nodes ?? []).some((file) => file.includes('WhatsAppBusinessTrigger'));
  const inboundWorkflowId = hasTrigger ? await n8n.importWorkflow(inboundWorkflow(options)) : undefined;
  return { orderWorkflowId, inboundWorkflowId };
}

/** Runs the template node (pinned webhook → Session Window → Closed branch → template) and shows its panel. */
async function shootSendTemplate(page: Page, file: string): Promise<void> {
  await openNodePanel(page, SHOT_NODES.sendTemplate);
  // These fields exist only once the editor has loaded the template from the emulator (the workflow has no schema).
  await page.waitForSelector('[data-test-id="parameter-input-body_first_name"]');
  await arrangePanels(page, 400, 620);
  await page.locator('[data-test-id="ndv"] [data-test-id="node-execute-button"]').click();
  await page.waitForSelector('.el-notification:has-text("Node executed successfully")');
  await showOutputAsJson(page);
  await page.waitForSelector('[data-test-id="ndv"] :text("renderedText")');
  // Scroll the parameters so every template variable is in view, the last one with its resolved value.
  await page.locator('[data-test-id="parameter-input-button_1_url"]').evaluate((input) => {
    input.scrollIntoView({ block: 'end' });
    let scroller = input.parentElement;
    while (scroller && scroller.scrollHeight <= scroller.clientHeight) scroller = scroller.parentElement;
    scroller?.scrollBy(0, 40);
  });
  await capture(page, file);
  await closeNodePanel(page);
}

/** The Session Window panel with the run data of the template run: the item left by Closed. */
async function shootSessionWindow(page: Page, file: string): Promise<void> {
  await openNodePanel(page, SHOT_NODES.sessionWindow);
  await arrangePanels(page, 400, 560);
  await page.locator('[data-test-id="ndv"] :text("Closed Branch")').click();
  await showOutputAsJson(page);
  await page.waitForSelector('[data-test-id="ndv"] :text("closesAt")');
  await capture(page, file);
  await closeNodePanel(page);
}

/** Listens with the trigger, has the emulator post a signed inbound message to it, shows the item. */
async function shootTrigger(page: Page, emulator: RunningEmulator, file: string): Promise<void> {
  await openNodePanel(page, SHOT_NODES.trigger);
  await arrangePanels(page, 300, 480);
  await page.locator('[data-test-id="ndv"] [data-test-id="node-execute-button"]').click();
  await page.waitForSelector('[data-test-id="ndv"] :text("Listening for test event")', { timeout: 15_000 }).catch(() => undefined);
  const inbound = { from: '15551234567', name: 'Pablo', text: 'Hi! Where is my order 860198?' };
  const answer = await fetch(`${emulator.url}/__emulator/inbound`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(inbound) });
  const delivered = ((await answer.json()) as { webhook?: { deliveries?: { delivered: boolean }[] } }).webhook?.deliveries ?? [];
  if (!delivered.some((delivery) => delivery.delivered)) throw new Error('The emulator could not deliver the inbound message to the listening trigger.');
  await showOutputAsJson(page);
  await page.waitForSelector('[data-test-id="ndv"] :text("Where is my order")');
  await capture(page, file);
  await closeNodePanel(page);
}

async function main(): Promise<void> {
  const { packageDir, outDir } = parseArguments(process.argv.slice(2));
  const manifest = readPackage(packageDir);
  if (!isN8nInstalled()) throw new Error('n8n is not installed for e2e: run `bash e2e/install.sh` (or use `npm run screenshots`).');
  ensureChromium(log);

  const emulator = await startEmulator({ port: 0 });
  let n8n: RunningN8n | undefined;
  let browser: Editor | undefined;
  const written: string[] = [];
  let finishedFolder: string | undefined; // removed once n8n has stopped; kept after a failure, for its log
  try {
    log(`emulator at ${emulator.url}; starting n8n with ${manifest.name} from ${packageDir} (30-90 s) …`);
    n8n = await startN8n({ communityPackages: [packageDir] });
    const { orderWorkflowId, inboundWorkflowId } = await prepareN8n(n8n, emulator, manifest);
    browser = await openBrowser();
    const { page } = browser;
    await signIn(page, n8n.url, n8n.owner);
    const shot = (name: string) => {
      written.push(path.join(outDir, name));
      return path.join(outDir, name);
    };

    await openWorkflow(page, n8n.url, orderWorkflowId);
    await shootSendTemplate(page, shot('send-template.png'));
    await shootSessionWindow(page, shot('session-window.png'));
    await capture(page, shot('workflow-canvas.png')); // after the run: the Closed path carries its item
    if (inboundWorkflowId) {
      await openWorkflow(page, n8n.url, inboundWorkflowId);
      await shootTrigger(page, emulator, shot('trigger.png'));
    } else {
      log(`${manifest.name} lists no WhatsAppBusinessTrigger in package.json n8n.nodes: no trigger screenshot.`);
    }
    const shown = (file: string) => (path.relative(process.cwd(), file).startsWith('..') ? file : path.relative(process.cwd(), file));
    log(`wrote ${written.map(shown).join(', ')}`);
    finishedFolder = n8n.userFolder;
  } catch (error) {
    if (n8n) log(`failed; n8n's log is kept in ${n8n.logFile}`);
    throw error;
  } finally {
    await browser?.close();
    await n8n?.stop();
    await emulator.close();
  }
  if (finishedFolder) fs.rmSync(finishedFolder, { recursive: true, force: true }); // a scratch database with test values only
}

main().catch((error) => {
  console.error(`screenshots: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
