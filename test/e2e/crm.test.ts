/**
 * The CRM examples in a REAL n8n 2.41 (community package install) against the Cloud API emulator and
 * the local CRM fakes, all on 127.0.0.1: a customer's WhatsApp messages, delivered as signed
 * webhooks, become exactly one record per sender in Zoho CRM, Zendesk, HubSpot and Bigin, with the
 * conversation logged, even for a burst of 5 concurrent messages from a new sender.
 */
import { SEED } from '../../emulator';
import { addCrmStack, type CrmExampleName, type CrmStack } from '../../e2e/lib/crm-stack';
import { startWhatsAppStack, type WhatsAppStack } from '../../e2e/lib/whatsapp-stack';
import { simulateInbound } from './helpers';

let stack: WhatsAppStack;
let crm: CrmStack;
const burstRecords: Record<string, number> = {};

beforeAll(async () => {
  stack = await startWhatsAppStack({ activate: [] });
  crm = await addCrmStack(stack);
}, 420_000);

afterAll(async () => {
  console.info(`e2e CRM burst (5 concurrent messages from one new sender): records created ${JSON.stringify(burstRecords)}`);
  await crm?.stop();
  await stack?.stop();
}, 60_000);

/** Sends the messages at once and waits until every execution they start has finished successfully. */
async function deliver(name: CrmExampleName, messages: Record<string, unknown>[]): Promise<void> {
  const id = crm.examples[name].id;
  const before = (await stack.n8n.executions(id)).length;
  const results = await Promise.all(messages.map(async (message) => await simulateInbound(stack, message)));
  for (const result of results) expect(result.webhook.deliveries).toEqual([expect.objectContaining({ url: crm.examples[name].url, statusCode: 200, delivered: true })]);
  const runs = await stack.n8n.waitForExecutions(id, before + messages.length, 60_000);
  const failed = runs.slice(0, messages.length).filter((run) => run.status !== 'success');
  expect(failed.map((run) => run.status)).toEqual([]);
}

const burst = (from: string, name: string) => [1, 2, 3, 4, 5].map((n) => ({ from, name, text: `burst message ${n}` }));

describe('Zoho CRM example: inbound message → lead with owner in turn, message as a note', () => {
  const zoho = () => crm.fakes.zoho;
  const leads = (waId: string) => [...zoho().state.store('crm', 'Leads').values()].filter((record) => record.fields.WhatsApp_ID === waId);
  const notes = (id: string) => [...zoho().state.notes.crm.values()].filter((note) => note.parentId === id);

  beforeAll(async () => await crm.activate('crm-zoho-crm-leads', [SEED.phoneNumberId]), 120_000);
  afterAll(async () => await crm.deactivate('crm-zoho-crm-leads'), 60_000);

  test('the first message creates one lead owned by the first picked user, with the message as a note; a second adds a note', async () => {
    await deliver('crm-zoho-crm-leads', [{ from: '447700910001', name: 'Grace Hopper', text: 'Do you deliver to Leeds?' }]);
    const [lead] = leads('447700910001');
    expect(leads('447700910001')).toHaveLength(1);
    expect(lead).toMatchObject({ ownerId: ZOHO_OWNER(0), fields: expect.objectContaining({ First_Name: 'Grace', Last_Name: 'Hopper', Mobile: '+447700910001' }) });
    expect(notes(lead.id).map((note) => note.content)).toEqual([expect.stringContaining('Do you deliver to Leeds?')]);

    await deliver('crm-zoho-crm-leads', [{ from: '447700910001', name: 'Grace Hopper', text: 'Hello?' }]);
    expect(leads('447700910001')).toHaveLength(1);
    expect(notes(lead.id)).toHaveLength(2);
  });

  test('a burst of 5 concurrent messages from a new sender yields one lead (owned by the next user) and 5 notes', async () => {
    await deliver('crm-zoho-crm-leads', burst('447700910002', 'Alan Turing'));
    burstRecords.zohoCrm = leads('447700910002').length;
    expect(leads('447700910002')).toHaveLength(1);
    expect(leads('447700910002')[0].ownerId).toBe(ZOHO_OWNER(1));
    expect(notes(leads('447700910002')[0].id)).toHaveLength(5);
  });

  test("a person's Contact typed as \"+1 (415) 555-0132\" (the seeded Liam Walsh) is adopted when he writes, not duplicated as a Lead", async () => {
    const liam = [...zoho().state.store('crm', 'Contacts').values()].find((record) => record.fields.Last_Name === 'Walsh')!;
    expect(liam.fields.Phone).toBe('+1 (415) 555-0132');
    await deliver('crm-zoho-crm-leads', [{ from: '14155550132', name: 'Liam', text: 'Yo' }]);
    expect(zoho().state.store('crm', 'Contacts').get(liam.id)?.fields.WhatsApp_ID).toBe('14155550132');
    expect(leads('14155550132')).toHaveLength(0);
    expect([...zoho().state.notes.crm.values()].filter((note) => note.parentId === liam.id).map((note) => note.content)).toEqual([expect.stringContaining('Yo')]);
  });
});

describe('Zendesk example: inbound image → ticket with the attachment', () => {
  const zendesk = () => crm.fakes.zendesk;
  const users = (waId: string) => [...zendesk().state.users.values()].filter((user) => user.external_id === `whatsapp:${waId}`);
  const tickets = (userId: number) => [...zendesk().state.tickets.values()].filter((ticket) => ticket.requester_id === userId);

  beforeAll(async () => await crm.activate('crm-zendesk-tickets', [SEED.phoneNumberId]), 120_000);
  afterAll(async () => await crm.deactivate('crm-zendesk-tickets'), 60_000);

  test('an image opens one ticket for a new end user, the caption as the customer’s comment with the image attached; a second message joins the ticket', async () => {
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    await deliver('crm-zendesk-tickets', [{ from: '447700920001', name: 'Ada Lovelace', type: 'image', caption: 'The parcel arrived broken', mimeType: 'image/png', data: png }]);
    expect(users('447700920001')).toHaveLength(1);
    const [ticket] = tickets(users('447700920001')[0].id);
    expect(tickets(users('447700920001')[0].id)).toHaveLength(1);
    const comment = ticket.comments.find((entry) => entry.public && entry.body === 'The parcel arrived broken');
    expect(comment?.attachments).toEqual([expect.objectContaining({ content_type: 'image/png', size: Buffer.from(png, 'base64').length })]);

    await deliver('crm-zendesk-tickets', [{ from: '447700920001', name: 'Ada Lovelace', text: 'Can you replace it?' }]);
    const after = tickets(users('447700920001')[0].id);
    expect(after.map((entry) => entry.id)).toEqual([ticket.id]);
    expect(after[0].comments.map((entry) => entry.body)).toContain('Can you replace it?');
  });

  test('a location keeps its place, coordinates and link in the ticket comment', async () => {
    await deliver('crm-zendesk-tickets', [{ from: '447700920003', name: 'Hedy Lamarr', type: 'location', location: { latitude: 51.5007, longitude: -0.1246, name: 'Big Ben', address: 'London SW1A 0AA' } }]);
    const [ticket] = tickets(users('447700920003')[0].id);
    expect(ticket.comments.map((entry) => entry.body)).toContain('Location: Big Ben, London SW1A 0AA (51.5007, -0.1246) https://maps.google.com/?q=51.5007,-0.1246');
  });

  test('a burst of 5 concurrent messages from a new sender yields one end user and one ticket', async () => {
    await deliver('crm-zendesk-tickets', burst('447700920002', 'Edsger Dijkstra'));
    burstRecords.zendesk = users('447700920002').length;
    expect(users('447700920002')).toHaveLength(1);
    const [ticket] = tickets(users('447700920002')[0].id);
    expect(tickets(users('447700920002')[0].id)).toHaveLength(1);
    expect(ticket.comments.filter((entry) => entry.public)).toHaveLength(5);
  });
});

describe('HubSpot example: inbound message → contact + note', () => {
  const hubspot = () => crm.fakes.hubspot;
  const contacts = (waId: string) => [...hubspot().state.contacts.values()].filter((contact) => contact.properties.whatsapp_id === waId);
  const notes = (id: string) => [...hubspot().state.notes.values()].filter((note) => note.contactIds.includes(id));

  beforeAll(async () => await crm.activate('crm-hubspot-contacts', [SEED.phoneNumberId]), 120_000);
  afterAll(async () => await crm.deactivate('crm-hubspot-contacts'), 60_000);

  test('the first message creates one contact with the message as a note; a second adds a note', async () => {
    await deliver('crm-hubspot-contacts', [{ from: '447700930001', name: 'Barbara Liskov', text: 'Is the blue one in stock?' }]);
    expect(contacts('447700930001')).toHaveLength(1);
    await deliver('crm-hubspot-contacts', [{ from: '447700930001', name: 'Barbara Liskov', text: 'And the red one?' }]);
    expect(contacts('447700930001')).toHaveLength(1);
    expect(notes(contacts('447700930001')[0].id).map((note) => note.properties.hs_note_body)).toEqual([
      expect.stringContaining('Is the blue one in stock?'),
      expect.stringContaining('And the red one?'),
    ]);
  });

  test('a burst of 5 concurrent messages from a new sender yields one contact and 5 notes', async () => {
    await deliver('crm-hubspot-contacts', burst('447700930002', 'Donald Knuth'));
    burstRecords.hubspot = contacts('447700930002').length;
    expect(contacts('447700930002')).toHaveLength(1);
    expect(notes(contacts('447700930002')[0].id)).toHaveLength(5);
  });
});

describe('Bigin example: inbound message → contact, note and last inbound time', () => {
  const zoho = () => crm.fakes.zoho;
  const contacts = (waId: string) => [...zoho().state.store('bigin', 'Contacts').values()].filter((record) => record.fields.WhatsApp_ID === waId);
  const notes = (id: string) => [...zoho().state.notes.bigin.values()].filter((note) => note.parentId === id);

  beforeAll(async () => await crm.activate('crm-bigin-contacts', [SEED.phoneNumberId]), 120_000);
  afterAll(async () => await crm.deactivate('crm-bigin-contacts'), 60_000);

  test('the first message creates one contact with a note and its last inbound time; a second adds a note', async () => {
    const sentAt = Math.floor(Date.now() / 1000) - 30;
    await deliver('crm-bigin-contacts', [{ from: '447700940001', name: 'Grace Murray', text: 'Hi Bigin', timestamp: sentAt }]);
    expect(contacts('447700940001')).toHaveLength(1);
    expect(new Date(String(contacts('447700940001')[0].fields.Last_WhatsApp_Inbound)).getTime()).toBe(sentAt * 1000);
    await deliver('crm-bigin-contacts', [{ from: '447700940001', name: 'Grace Murray', text: 'Second' }]);
    expect(contacts('447700940001')).toHaveLength(1);
    expect(notes(contacts('447700940001')[0].id)).toHaveLength(2);
  });

  test('a burst of 5 concurrent messages from a new sender yields one contact', async () => {
    await deliver('crm-bigin-contacts', burst('447700940002', 'John Backus'));
    burstRecords.bigin = contacts('447700940002').length;
    expect(contacts('447700940002')).toHaveLength(1);
    expect(notes(contacts('447700940002')[0].id)).toHaveLength(5);
  });
});

function ZOHO_OWNER(index: number): string {
  const owners = crm.examples['crm-zoho-crm-leads'].workflow.nodes.find((node) => node.type.endsWith('.whatsAppCrm'))?.parameters.owners as string[];
  return owners[index];
}
