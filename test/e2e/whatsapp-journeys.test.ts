/**
 * The example workflows in a REAL n8n 2.41 (community package install, node types
 * n8n-nodes-whatsapp-business.*) against the local Cloud API emulator. One n8n for the whole file:
 * it takes 30-90 s to start. Run with `npm run test:e2e` (builds, installs n8n once, then jest -c jest.e2e.config.js).
 */
import { createHmac } from 'node:crypto';
import { SEED } from '../../emulator';
import { insertRows, readRows } from '../../e2e/lib/data-tables';
import { daytimeRecipients } from '../../e2e/lib/daytime-recipients';
import { startWhatsAppStack, type WhatsAppStack } from '../../e2e/lib/whatsapp-stack';
import { orderConfirmationComponents } from '../emulator/template-fixtures';
import {
  admin,
  finishedRuns,
  londonShopIsOpen,
  runsAfter,
  sentMessageBodies,
  sentMessages,
  settle,
  simulateInbound,
  waitFor,
  webhookDeliveries,
} from './helpers';

const HOUR_S = 3600;
const nowSeconds = () => Math.floor(Date.now() / 1000);
const sign = (body: string) => `sha256=${createHmac('sha256', SEED.appSecret).update(body, 'utf8').digest('hex')}`;

let stack: WhatsAppStack;
const timings: Record<string, number> = {};

beforeAll(async () => {
  const started = Date.now();
  stack = await startWhatsAppStack();
  Object.assign(timings, stack.timings, { beforeAllMs: Date.now() - started });
}, 420_000);

afterAll(async () => {
  const started = Date.now();
  await stack?.stop();
  timings.stopMs = Date.now() - started;
  console.info(`e2e timings (ms): ${JSON.stringify(timings)}`);
}, 60_000);

describe('inbound webhooks (WhatsApp Business Trigger, automatic registration)', () => {
  const customer = '447700900777';
  let firstDeliveryId = '';
  let firstDeliveryBody = '';

  test('a signed message from the emulator runs the inbound workflow exactly once and writes the contact row', async () => {
    const sentAt = nowSeconds() - 60;
    const inbound = await simulateInbound(stack, { from: customer, name: 'Sheena Nelson', text: 'Do you ship cacti?', timestamp: sentAt });

    // Activation registered the trigger with "Meta" (phone override), so the emulator delivered to n8n.
    expect(inbound.webhook.deliveries).toEqual([expect.objectContaining({ url: stack.examples['inbound-to-data-table'].url, statusCode: 200, delivered: true })]);
    const runs = await runsAfter(stack, 'inbound-to-data-table', 1);
    expect(runs.map((run) => run.status)).toEqual(['success']);

    const rows = await readRows(stack.n8n.api, stack.tables.whatsapp_contacts, { wa_id: customer });
    expect(rows).toEqual([
      expect.objectContaining({ contact_key: customer, wa_id: customer, profile_name: 'Sheena Nelson', last_text: 'Do you ship cacti?', last_inbound_at: new Date(sentAt * 1000).toISOString() }),
    ]);
    firstDeliveryId = inbound.webhook.deliveries[0].id;
    firstDeliveryBody = (await webhookDeliveries(stack)).find((delivery) => delivery.id === firstDeliveryId)!.body;
  });

  test('a webhook with a forged signature is refused with 401 and runs nothing; the same bytes signed with the App Secret run', async () => {
    // A message id the trigger has not seen, so only the signature can stop it.
    const body = firstDeliveryBody.replace(/"id":"wamid\.[^"]+"/, '"id":"wamid.FORGED0000000000000000000000"');
    expect(body).not.toBe(firstDeliveryBody);
    const before = (await finishedRuns(stack, 'inbound-to-data-table')).length;
    const post = (signature: string) =>
      fetch(stack.examples['inbound-to-data-table'].url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body });

    const forged = await post(`sha256=${createHmac('sha256', 'not-the-app-secret').update(body).digest('hex')}`);
    expect(forged.status).toBe(401);
    expect(await runsAfter(stack, 'inbound-to-data-table', 0)).toHaveLength(before);

    const genuine = await post(sign(body));
    expect(genuine.status).toBe(200);
    // fetch asks for gzip; the two-byte answer states its length, so n8n's compression leaves it as it is.
    expect(genuine.headers.get('content-encoding')).toBeNull();
    expect(await genuine.text()).toBe('OK');
    expect(await runsAfter(stack, 'inbound-to-data-table', before + 1)).toHaveLength(before + 1);
  });

  test('a redelivered event (same bytes, same signature) is acknowledged and runs nothing', async () => {
    const before = (await finishedRuns(stack, 'inbound-to-data-table')).length;
    const { delivery } = await admin<{ delivery: { statusCode: number; redeliveryOf: string } }>(stack, 'POST', '/webhooks/redeliver', { deliveryId: firstDeliveryId });
    // 200, or Meta would retry for days (docs/webhook-delivery.md); the trigger drops the duplicate instead.
    expect(delivery).toEqual(expect.objectContaining({ statusCode: 200, redeliveryOf: firstDeliveryId }));
    expect(await runsAfter(stack, 'inbound-to-data-table', 0, 3000)).toHaveLength(before);
  });

  test('customers whose number WhatsApp withholds each get a row of their own, keyed by their business-scoped user ID', async () => {
    const before = (await finishedRuns(stack, 'inbound-to-data-table')).length;
    const users = ['GB.10000000000000000001', 'GB.10000000000000000002'];
    for (const [index, userId] of users.entries()) {
      // Meta: Business-scoped user IDs: for a user with a username, `from` and `wa_id` may be empty strings.
      const body = JSON.parse(firstDeliveryBody);
      const value = body.entry[0].changes[0].value;
      value.contacts = [{ profile: { name: `Hidden ${index + 1}` }, wa_id: '', user_id: userId }];
      value.messages = [{ ...value.messages[0], from: '', from_user_id: userId, id: `wamid.HIDDEN${index}0000000000000000000000`, text: { body: `hello ${index + 1}` } }];
      const raw = JSON.stringify(body);
      const answer = await fetch(stack.examples['inbound-to-data-table'].url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw) }, body: raw });
      expect(answer.status).toBe(200);
    }
    const runs = await runsAfter(stack, 'inbound-to-data-table', before + 2);
    expect(runs).toHaveLength(before + 2);
    expect(runs.filter((run) => run.status !== 'success')).toEqual([]);
    for (const [index, userId] of users.entries()) {
      expect(await readRows(stack.n8n.api, stack.tables.whatsapp_contacts, { contact_key: userId })).toEqual([
        expect.objectContaining({ user_id: userId, profile_name: `Hidden ${index + 1}`, last_text: `hello ${index + 1}` }),
      ]);
    }
    expect(await readRows(stack.n8n.api, stack.tables.whatsapp_contacts, { contact_key: '' })).toEqual([]);
  });
});

describe('order confirmation (Webhook → Send Template)', () => {
  test('an order POSTed by the shop sends order_confirmation with its values in header, body and URL button', async () => {
    const order = { phone: '+44 7700 900123', firstName: 'Pablo', orderNumber: '860198', total: '£42.00' };
    const answer = await fetch(stack.examples['order-confirmation'].url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(order) });
    expect(answer.status).toBe(200);
    const [run] = await runsAfter(stack, 'order-confirmation', 1, 500);
    expect(run.status).toBe('success');

    const [sent] = await sentMessageBodies(stack, '447700900123');
    expect(sent).toMatchObject({ messaging_product: 'whatsapp', type: 'template', biz_opaque_callback_data: 'order:860198' });
    // Meta's Template components page: NAMED parameters carry parameter_name; the URL button takes the suffix by index; the
    // quick reply gets a payload (by default its text), which comes back when the customer taps it.
    expect(sent.template).toEqual({
      name: 'order_confirmation',
      language: { code: 'en_US' },
      components: orderConfirmationComponents({ firstName: 'Pablo', orderNumber: '860198', total: '£42.00' }),
    });
  });
});

describe('template to a list (Webhook → Split Out → Send Template, Skip Items Already Sent)', () => {
  const customers = Array.from({ length: 12 }, (_, i) => ({ customerId: `C-${1000 + i}`, phone: `+44 7700 9005${String(i).padStart(2, '0')}`, firstName: `Customer ${i}` }));
  const post = async (campaign: string, recipients: typeof customers) => {
    const answer = await fetch(stack.examples['template-to-a-list'].url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ campaign, recipients }) });
    expect(answer.status).toBe(200);
  };
  const outputOf = (run: { data: { resultData: { runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>> } } }) =>
    run.data.resultData.runData['Send Template'][0].data!.main![0].map((item) => item.json);
  const keysOf = (campaign: string, list: typeof customers) => list.map((customer) => `${campaign}:${customer.customerId}`);

  test("a list is sent once per customer, in the list's order; posted again with new customers, only those are sent; the next campaign goes to everyone (QA2 M1)", async () => {
    await post('spring-sale', customers.slice(0, 8));
    const [first] = await runsAfter(stack, 'template-to-a-list', 1, 500);
    expect(first.status).toBe('success');
    expect(outputOf(first as never).map((json) => json.alreadySentKey)).toEqual(keysOf('spring-sale', customers.slice(0, 8)));
    expect(outputOf(first as never).every((json) => typeof json.messageId === 'string')).toBe(true);

    await post('spring-sale', customers);
    const runs = await runsAfter(stack, 'template-to-a-list', 2, 500);
    const second = runs.find((run) => run.id !== first.id)!;
    const output = outputOf(second as never);
    expect(output.map((json) => json.skipped === true)).toEqual(customers.map((_, i) => i < 8));
    expect(output[0]).toMatchObject({ skipped: true, alreadySentKey: 'spring-sale:C-1000', reason: expect.stringMatching(/^An earlier run of this node sent a message/) });

    // Next week's campaign to the same customers: the key names the campaign, so every customer gets it.
    await post('summer-sale', customers);
    const third = (await runsAfter(stack, 'template-to-a-list', 3, 500)).find((run) => run.id !== first.id && run.id !== second.id)!;
    expect(outputOf(third as never).map((json) => typeof json.messageId === 'string')).toEqual(customers.map(() => true));

    // Every customer got exactly one message per campaign, its key (then a |) in the tracking data.
    const tracking = [...keysOf('spring-sale', customers), ...keysOf('summer-sale', customers)].map((key) => `${key}|`);
    const check = await admin<{ sentOnce: number; lost: string[]; duplicated: unknown[] }>(stack, 'POST', '/messages/check', { keys: tracking });
    expect(check).toMatchObject({ sentOnce: 24, lost: [], duplicated: [] });
  });
});

describe('M1: On Error = Continue keeps the whole error in a real n8n (Webhook → Split Out → Send Template twice)', () => {
  type Json = Record<string, unknown>;
  const sendTemplate = (name: string, onError: string, y: number) => ({
    id: `m1-${onError}`,
    name,
    type: 'n8n-nodes-whatsapp-business.whatsAppBusiness',
    typeVersion: 1,
    position: [480, y],
    onError,
    credentials: { whatsAppCloudApi: { id: stack.credential.id, name: stack.credential.name } },
    parameters: {
      authentication: 'cloudApi',
      resource: 'message',
      operation: 'sendTemplate',
      to: '={{ $json.to }}',
      template: { __rl: true, mode: 'name', value: '={{ $json.template }}' },
      templateParameters: { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] },
    },
  });
  const workflow = () => ({
    name: 'M1 continue on fail',
    nodes: [
      { id: 'm1-webhook', name: 'Orders', type: 'n8n-nodes-base.webhook', typeVersion: 2.1, position: [0, 0], webhookId: 'b1c2d3e4-0000-4000-8000-0000000001aa', parameters: { httpMethod: 'POST', path: 'm1-continue-on-fail', responseMode: 'onReceived', options: {} } },
      { id: 'm1-split', name: 'One Item per Order', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [240, 0], parameters: { fieldToSplitOut: 'body.orders', options: {} } },
      sendTemplate('Regular Output', 'continueRegularOutput', -120),
      sendTemplate('Error Output', 'continueErrorOutput', 120),
    ],
    connections: {
      Orders: { main: [[{ node: 'One Item per Order', type: 'main', index: 0 }]] },
      'One Item per Order': { main: [[{ node: 'Regular Output', type: 'main', index: 0 }, { node: 'Error Output', type: 'main', index: 0 }]] },
    },
  });
  const order = { to: '+447400123456', order_number: '860198', order_total: '$42.00', button_1_url: '860198' };
  const orders = [
    { ...order, template: 'Order_Confirmation|en_US', first_name: 'Ann' },
    { ...order, template: 'order_confirmation|en_US', first_name: 'A\nB' },
    { ...order, template: 'order_confirmation|en_US', first_name: 'Ann' },
  ];

  test('each failed item carries message, description (the suggestion, the fix) in both Continue modes; the error output gets the failed items', async () => {
    const id = await stack.n8n.importWorkflow(workflow());
    await stack.n8n.activate(id);
    try {
      const answer = await fetch(stack.n8n.webhookUrl('m1-continue-on-fail'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ orders }) });
      expect(answer.status).toBe(200);
      const [run] = await stack.n8n.waitForExecutions(id, 1);
      expect(run.status).toBe('success');
      const outputs = (node: string) => (run.data.resultData.runData[node][0].data.main as Array<Array<{ json: Json }> | null>).map((items) => (items ?? []).map((item) => item.json));
      const expectErrors = ([unknownName, lineBreak]: Json[]) => {
        expect(unknownName.error).toMatchObject({ message: 'No template named "Order_Confirmation" exists in this WhatsApp Business Account.', description: expect.stringMatching(/Did you mean "order_confirmation"\?/) });
        expect(lineBreak.error).toMatchObject({ message: expect.stringMatching(/line break/), description: expect.stringMatching(/Replace the line breaks/) });
      };

      const [regular] = outputs('Regular Output');
      expect(regular).toHaveLength(3);
      expectErrors(regular);
      expect(regular[2].messageId).toEqual(expect.stringMatching(/^wamid\./));

      const [success, failed] = outputs('Error Output');
      expect(success.map((json) => typeof json.messageId)).toEqual(['string']);
      expect(failed).toHaveLength(2);
      expect(failed[0]).toMatchObject({ to: '+447400123456', template: 'Order_Confirmation|en_US' });
      expectErrors(failed);
    } finally {
      await stack.n8n.deactivate(id);
    }
  });
});

describe('abandoned cart (Quiet Hours → Data table → Customer Service Window → text or template)', () => {
  // Numbers of a country where it is daytime now, so Quiet Hours says "Send Now" (see helpers).
  const { waIds } = daytimeRecipients(3);
  const [wroteRecently, wroteLongAgo, neverWrote] = waIds;
  const cart = (phone: string) => ({ phone: `+${phone}`, firstName: 'Pablo', cartId: `cart-${phone.slice(-3)}`, items: 'a Golden Barrel cactus' });

  async function abandon(phone: string): Promise<void> {
    const before = (await finishedRuns(stack, 'abandoned-cart')).length;
    const answer = await fetch(stack.examples['abandoned-cart'].url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(cart(phone)) });
    expect(answer.status).toBe(200);
    const runs = await runsAfter(stack, 'abandoned-cart', before + 1, 500);
    expect(runs[0].status).toBe('success');
  }

  /** The customer writes (at `secondsAgo`), and the inbound workflow stores it, as in production. */
  async function customerWrote(phone: string, secondsAgo: number): Promise<void> {
    const before = (await finishedRuns(stack, 'inbound-to-data-table')).length;
    await simulateInbound(stack, { from: phone, text: 'Is the cactus still available?', timestamp: nowSeconds() - secondsAgo });
    await runsAfter(stack, 'inbound-to-data-table', before + 1, 0);
  }

  test('a customer who wrote 2 hours ago gets a free-form text, which WhatsApp delivers', async () => {
    await customerWrote(wroteRecently, 2 * HOUR_S);
    await abandon(wroteRecently);

    const bodies = await sentMessageBodies(stack, wroteRecently);
    expect(bodies).toEqual([expect.objectContaining({ type: 'text', biz_opaque_callback_data: `cart:${cart(wroteRecently).cartId}` })]);
    expect((bodies[0].text as { body: string }).body).toBe(
      `Hi Pablo, you left a Golden Barrel cactus in your cart. Finish your order here: https://shop.example.com/cart/${cart(wroteRecently).cartId}`,
    );
    // The emulator keeps its own window: a text outside it would fail with 131047.
    const delivered = await waitFor('the text to be delivered', async () =>
      (await sentMessages(stack, wroteRecently)).find((message) => ['delivered', 'read'].includes(message.status)),
    );
    expect(delivered.errors).toBeUndefined();
  });

  test('a customer who wrote 30 hours ago gets the abandoned_cart template', async () => {
    await customerWrote(wroteLongAgo, 30 * HOUR_S);
    await abandon(wroteLongAgo);

    const bodies = await sentMessageBodies(stack, wroteLongAgo);
    expect(bodies).toHaveLength(1);
    expect(bodies[0].template).toEqual({
      name: 'abandoned_cart',
      language: { code: 'en_US' },
      components: [
        { type: 'header', parameters: [{ type: 'image', image: { link: 'https://shop.example.com/images/cart.jpg' } }] },
        { type: 'body', parameters: [{ type: 'text', text: 'Pablo' }, { type: 'text', text: 'a Golden Barrel cactus' }] },
        { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: cart(wroteLongAgo).cartId }] },
        { type: 'button', sub_type: 'quick_reply', index: '1', parameters: [{ type: 'payload', payload: 'Stop promotions' }] },
      ],
    });
  });

  test('a customer with no row in the Data table (never wrote) gets the template too', async () => {
    await abandon(neverWrote);
    const bodies = await sentMessageBodies(stack, neverWrote);
    expect(bodies.map((body) => body.type)).toEqual(['template']);
  });
});

describe('after-hours reply (Trigger on the second number → Business Hours → Send Text)', () => {
  test('outside opening hours the customer gets "we are closed" from the number they wrote to, quoting them; inside, nothing', async () => {
    const customer = '447700900888';
    const openNow = londonShopIsOpen();
    const inbound = await simulateInbound(stack, { from: customer, phoneNumberId: SEED.secondPhoneNumberId, text: 'Are you open on Sunday?' });
    // Automatic registration gave the second number its own override: this workflow, not the inbound one.
    expect(inbound.webhook.deliveries.map((delivery) => delivery.url)).toEqual([stack.examples['after-hours-reply'].url]);
    const [run] = await runsAfter(stack, 'after-hours-reply', 1, 1000);
    expect(run.status).toBe('success');

    const replies = await sentMessageBodies(stack, customer, SEED.secondPhoneNumberId);
    if (openNow) {
      expect(replies).toEqual([]);
      return;
    }
    expect(replies).toEqual([
      expect.objectContaining({
        type: 'text',
        context: { message_id: inbound.message.id },
        text: expect.objectContaining({ body: "Thanks for your message! We're closed right now and reply from 9:00 (Monday to Friday, London time)." }),
      }),
    ]);
  });

  test('a customer who hides their number gets the reply by their business-scoped user ID', async () => {
    const userId = 'GB.10000000000000000088';
    await admin(stack, 'POST', '/users', { waId: '447700900889', userId });
    const inbound = await simulateInbound(stack, { from: '447700900889', phoneNumberId: SEED.secondPhoneNumberId, text: 'Anyone there?' });
    const before = (await finishedRuns(stack, 'after-hours-reply')).length;
    // The same message as Meta sends it for a user with a username: `from` and `wa_id` empty (Meta: Business-scoped user IDs).
    const delivery = (await webhookDeliveries(stack)).find((entry) => entry.body.includes(inbound.message.id))!;
    const body = JSON.parse(delivery.body);
    const value = body.entry[0].changes[0].value;
    value.contacts = [{ profile: { name: 'Hidden' }, wa_id: '', user_id: userId }];
    value.messages = [{ ...value.messages[0], from: '', from_user_id: userId, id: 'wamid.HIDDENAFTERHOURS000000000000000000' }];
    const raw = JSON.stringify(body);
    const answer = await fetch(stack.examples['after-hours-reply'].url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw) }, body: raw });
    expect(answer.status).toBe(200);
    const runs = await runsAfter(stack, 'after-hours-reply', before + 1);
    expect(runs.filter((run) => run.status !== 'success')).toEqual([]);
    const log = await admin<{ data: Array<{ status: number; body: Record<string, unknown> }> }>(stack, 'GET', `/requests?path=${SEED.secondPhoneNumberId}/messages&method=POST`);
    const replies = log.data.filter((entry) => entry.status === 200 && entry.body.recipient === userId);
    expect(replies).toHaveLength(londonShopIsOpen() ? 0 : 1);
  });
});

describe('delivery status (Trigger on statuses → Data table)', () => {
  test('a text the Data table allows but WhatsApp refuses (131047) is recorded as failed, with advice', async () => {
    // The same number now goes to the status workflow: deactivation restores what activation changed.
    await stack.deactivate('inbound-to-data-table');
    await stack.activate('delivery-status');
    const [customer] = daytimeRecipients(4).waIds.slice(3);
    // A stale row says "wrote 1 hour ago", but WhatsApp never saw a message: its window is closed.
    await insertRows(stack.n8n.api, stack.tables.whatsapp_contacts, [{ wa_id: customer, last_inbound_at: new Date(Date.now() - HOUR_S * 1000).toISOString() }]);
    await fetch(stack.examples['abandoned-cart'].url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: `+${customer}`, firstName: 'Ana', cartId: 'cart-131047', items: 'a Moon cactus' }),
    });

    const row = await waitFor('the failed status row', async () => {
      const rows = await readRows(stack.n8n.api, stack.tables.whatsapp_message_status, { wa_id: customer });
      return rows.find((candidate) => candidate.status === 'failed');
    });
    expect(row).toEqual(expect.objectContaining({ error_code: 131047, error_advice: expect.stringContaining('approved template') }));
    const [sent] = await sentMessages(stack, customer);
    expect(row.message_id).toBe(sent.id);
  });

  test('statuses that arrive out of order (read, delivered, sent) never take the row backwards: it ends as read', async () => {
    const patch = async (body: unknown) => {
      const response = await fetch(`${stack.emulator.url}/__emulator/config`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(response.ok).toBe(true);
    };
    const customer = '447400321399';
    await patch({ webhook: { statusOrder: 'reverse' } });
    try {
      const order = { phone: '+44 7400 321399', firstName: 'Rosa', orderNumber: '860777', total: '£12.00' };
      expect((await fetch(stack.examples['order-confirmation'].url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(order) })).status).toBe(200);
      const [sent] = await waitFor('the order confirmation', async () => { const all = await sentMessages(stack, customer); return all.length > 0 ? all : undefined; });
      // Reversed: read comes first, then delivered, then sent; wait until WhatsApp posted all three.
      await waitFor('three status webhooks', async () => ((await webhookDeliveries(stack)).filter((entry) => entry.body.includes(sent.id)).length >= 3 ? true : undefined));
      await settle(3000);
      const rows = await readRows(stack.n8n.api, stack.tables.whatsapp_message_status, { message_id: sent.id });
      expect(rows).toEqual([expect.objectContaining({ wa_id: customer, status: 'read', status_rank: 3 })]);
    } finally {
      await patch({ webhook: { statusOrder: 'in-order' } });
    }
  });
});
