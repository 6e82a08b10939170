/**
 * `npm run demo`: the local Cloud API emulator and a real n8n with this package, the example
 * workflows imported and active, ready to click through. Runs until Ctrl-C.
 *   tsx scripts/demo.ts [--check] [--emulator-port 8089] [--n8n-port 5678] [--crm zoho|zendesk|hubspot|bigin]
 * --check (or WHATSAPP_DEMO_CHECK=1): one round trip (a customer message, an order), then exit 0/1.
 * The CRM fakes start too, with the CRM examples imported; --crm activates one on the second number
 * (instead of after-hours-reply: Meta sends a number's webhooks to one URL).
 */
import * as net from 'node:net';
import { SEED } from '../emulator';
import { readRows } from '../e2e/lib/data-tables';
import { daytimeRecipients } from '../e2e/lib/daytime-recipients';
import { DEFAULT_ACTIVE, startWhatsAppStack, type WhatsAppStack } from '../e2e/lib/whatsapp-stack';
import { addCrmStack, type CrmExampleName, type CrmStack } from '../e2e/lib/crm-stack';

const CRM_CHOICES: Record<string, CrmExampleName> = { zoho: 'crm-zoho-crm-leads', zendesk: 'crm-zendesk-tickets', hubspot: 'crm-hubspot-contacts', bigin: 'crm-bigin-contacts' };

interface DemoOptions {
  check: boolean;
  emulatorPort: number;
  n8nPort: number;
  crm?: CrmExampleName;
}

function parseArguments(argv: string[]): DemoOptions {
  const options: DemoOptions = { check: process.env.WHATSAPP_DEMO_CHECK === '1', emulatorPort: 8089, n8nPort: 5678 };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    if (flag === '--check') options.check = true;
    else if (flag === '--crm') {
      const choice = CRM_CHOICES[argv[++index]];
      if (!choice) throw new Error(`--crm needs one of ${Object.keys(CRM_CHOICES).join(', ')}.`);
      options.crm = choice;
    }
    else if (flag === '--emulator-port' || flag === '--n8n-port') {
      const port = Number(argv[++index]);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${flag} needs a port number (0 picks a free one).`);
      if (flag === '--emulator-port') options.emulatorPort = port;
      else options.n8nPort = port;
    } else throw new Error(`Unknown option ${flag}. Use --check, --emulator-port <n>, --n8n-port <n> or --crm <name>.`);
  }
  return options;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

// A number from a country where it is daytime now, so the abandoned cart is not held until 08:00.
const { zone: DEMO_ZONE, waIds: [DEMO_CUSTOMER] } = daytimeRecipients(1);
const DEMO_ORDER = { phone: `+${DEMO_CUSTOMER}`, firstName: 'Pablo', orderNumber: '860198', total: '£42.00' };
const DEMO_LIST = { campaign: 'spring-sale', recipients: [{ customerId: 'C-1001', phone: '+44 7700 900123', firstName: 'Pablo' }, { customerId: 'C-1002', phone: '+44 7700 900124', firstName: 'Ana' }] };
const DEMO_CART = { phone: `+${DEMO_CUSTOMER}`, firstName: 'Pablo', cartId: 'abc123', items: 'a Golden Barrel cactus' };
const DEMO_REFUND = { managerPhone: `+${DEMO_CUSTOMER}`, customerName: 'Ann', orderNumber: '860198', amount: '£42.00', reason: 'Arrived broken' };

const curl = (url: string, body: object) => `curl -X POST ${url} -H 'content-type: application/json' -d '${JSON.stringify(body)}'`;

function instructions(stack: WhatsAppStack): string {
  const { n8n, emulator, examples, credential } = stack;
  const urlFlag = emulator.url.endsWith(':8089') ? '' : ` --url ${emulator.url}`;
  const workflows = Object.values(examples).map((example) => `  ${example.active ? 'active  ' : 'inactive'}  ${example.workflow.name}`);
  return [
    '',
    'WhatsApp Business for n8n: the demo is running.',
    '',
    `n8n editor    ${n8n.url}   (log in as ${n8n.owner.email} / ${n8n.owner.password}, local only)`,
    `n8n API key   ${n8n.apiKey}   (for ${n8n.url}/api/v1 with the X-N8N-API-KEY header; local only; your own: Settings › n8n API)`,
    `Emulator      ${emulator.url}   (a local WhatsApp Cloud API: emulator/README.md)`,
    `Credential    "${credential.name}": Base URL ${emulator.url}, WABA ${SEED.wabaId}, Phone Number ID ${SEED.phoneNumberId},`,
    `              access token, app secret and verify token: the emulator's seeded values (emulator-only, never Meta's).`,
    'Data tables   whatsapp_contacts, whatsapp_message_status, whatsapp_template_daily, whatsapp_spend_daily (n8n › Overview › Data tables)',
    'Workflows',
    ...workflows,
    '  (delivery-status needs the number inbound-to-data-table uses: Meta sends one number\'s webhooks to one URL; swap them to try it)',
    '',
    'Try it:',
    `  A customer writes:     npx tsx emulator/cli.ts simulate --from ${DEMO_CUSTOMER} --name "Pablo" --text "Hi"${urlFlag}`,
    '                         → the contact appears in the Data table whatsapp_contacts',
    `  A shop order:          ${curl(examples['order-confirmation'].url, DEMO_ORDER)}`,
    `  An abandoned cart:     ${curl(examples['abandoned-cart'].url, DEMO_CART)}`,
    '                         → a free-form text if the customer wrote in the last 24 h, else the abandoned_cart template;',
    `                           held while it is night where the number is from, in every zone of its country (this one: ${DEMO_ZONE})`,
    `  A refund to approve:   ${curl(examples['refund-approval'].url, DEMO_REFUND)}`,
    `                         → the manager (${DEMO_CUSTOMER}) gets Approve / Decline buttons (or the approval_request template); tap one:`,
    `                           npx tsx emulator/cli.ts simulate --from ${DEMO_CUSTOMER} --type button_reply --button-index 0${urlFlag}`,
    `                           (outside the window: --type button --button-index 0); the waiting execution goes on`,
    `  After hours (2nd no.): npx tsx emulator/cli.ts simulate --from ${DEMO_CUSTOMER} --phone-number-id ${SEED.secondPhoneNumberId} --text "Open?"${urlFlag}`,
    `  A list, exactly once:  ${curl(examples['template-to-a-list'].url, DEMO_LIST)}`,
    '                         → one template per customer at the number\'s throughput; POST it again: every item is skipped; a new "campaign" goes to everyone',
    `  What was sent:         curl ${emulator.url}/__emulator/messages   (and /__emulator/requests, /__emulator/webhook-deliveries)`,
    '  Daily report:          open "WhatsApp: daily report" in the editor and run it: yesterday\'s spend and template',
    '                         performance go to the Data tables (Template Analytics first asks for Analytics › Enable Template Insights)',
  ].join('\n');
}

function crmInstructions(crm: CrmStack, stack: WhatsAppStack): string {
  const urlFlag = stack.emulator.url.endsWith(':8089') ? '' : ` --url ${stack.emulator.url}`;
  const active = Object.values(crm.examples).find((example) => example.active);
  return [
    'CRM fakes     ' + Object.entries(crm.fakes).map(([kind, fake]) => `${kind} ${fake.url}`).join('   ') + '   (fakes/README.md; GET <url>/__fake/state shows the records)',
    'CRM examples  ' + Object.values(crm.examples).map((example) => `${example.active ? 'active' : 'inactive'}: ${example.workflow.name}`).join('\n              '),
    active
      ? `  A customer writes to the CRM example: npx tsx emulator/cli.ts simulate --from 447700900555 --name "Grace Hopper" --phone-number-id ${SEED.secondPhoneNumberId} --text "Hi"${urlFlag}`
      : '  Start the demo with --crm zoho|zendesk|hubspot|bigin to activate one on the second number.',
    '',
  ].join('\n');
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`No ${what} after ${timeoutMs / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** One round trip through both directions: a signed inbound webhook into a Data table, an order out as a template. */
async function roundTrip(stack: WhatsAppStack): Promise<string[]> {
  const inbound = await fetch(`${stack.emulator.url}/__emulator/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: DEMO_CUSTOMER, name: 'Pablo', text: 'Hi' }),
  });
  if (!inbound.ok) throw new Error(`The emulator refused the simulated message: ${inbound.status} ${await inbound.text()}`);
  const contact = await waitFor('contact row in whatsapp_contacts', async () => {
    const rows = await readRows(stack.n8n.api, stack.tables.whatsapp_contacts, { wa_id: DEMO_CUSTOMER });
    return rows[0];
  });

  const order = await fetch(stack.examples['order-confirmation'].url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_ORDER) });
  if (!order.ok) throw new Error(`The order webhook answered ${order.status}: ${await order.text()}`);
  const sent = await waitFor('order_confirmation template at the emulator', async () => {
    const log = (await (await fetch(`${stack.emulator.url}/__emulator/requests?path=/messages&method=POST`)).json()) as {
      data: { status: number; body: { to?: string; template?: { name?: string } } }[];
    };
    return log.data.find((entry) => entry.status === 200 && String(entry.body.to).replace(/\D/g, '') === DEMO_CUSTOMER && entry.body.template?.name === 'order_confirmation');
  });
  return [
    `inbound message stored: wa_id ${contact.wa_id}, last_inbound_at ${String(contact.last_inbound_at)}`,
    `order confirmation sent: template ${sent.body.template?.name} to ${sent.body.to}`,
  ];
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const emulatorPort = options.check ? 0 : options.emulatorPort;
  // 0, or a port already taken, lets startN8n ask the OS for a free one (n8n itself cannot report a port 0 chose).
  const n8nPort = !options.check && options.n8nPort !== 0 && (await portIsFree(options.n8nPort)) ? options.n8nPort : undefined;
  console.log(`Starting the emulator and n8n (n8n takes 30-90 s)…`);
  const started = Date.now();
  const activate = options.crm ? DEFAULT_ACTIVE.filter((name) => name !== 'after-hours-reply') : DEFAULT_ACTIVE;
  const stack = await startWhatsAppStack({ emulatorPort, n8nPort, activate });
  const crm = await addCrmStack(stack);
  if (options.crm) await crm.activate(options.crm, [SEED.secondPhoneNumberId]);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `Ready in ${seconds(Date.now() - started)} (n8n ${seconds(stack.timings.n8nMs)}, credential + tables + workflows ${seconds(stack.timings.setupMs)}, of which activation ${seconds(stack.timings.activationMs)}).`,
  );

  if (options.check) {
    let failed = false;
    try {
      for (const line of await roundTrip(stack)) console.log(`ok  ${line}`);
    } catch (error) {
      failed = true;
      console.error(`FAILED  ${error instanceof Error ? error.message : String(error)}\nn8n log: ${stack.n8n.logFile}`);
    }
    await crm.stop();
    await stack.stop();
    process.exit(failed ? 1 : 0);
  }

  console.log(instructions(stack));
  console.log(crmInstructions(crm, stack));
  console.log('Ctrl-C stops n8n, the emulator and the CRM fakes.');
  let stopping = false;
  const shutdown = (): void => {
    if (stopping) process.exit(130); // a second Ctrl-C does not wait
    stopping = true;
    console.log('\nStopping n8n and the emulator…');
    void crm.stop().then(async () => await stack.stop()).then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
