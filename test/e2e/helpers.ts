/**
 * What the end-to-end tests ask of the emulator's admin API and of n8n, and the choice of
 * recipient numbers whose local time is outside the abandoned-cart workflow's quiet hours.
 */
import type { WhatsAppStack } from '../../e2e/lib/whatsapp-stack';

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  body: Record<string, unknown>;
}

export interface WebhookDelivery {
  id: string;
  kind: string;
  url: string;
  body: string;
  statusCode?: number;
  delivered: boolean;
  redeliveryOf?: string;
}

export interface InboundResult {
  message: { id: string; from: string; timestamp: string };
  webhook: { deliveries: { id: string; url: string; statusCode?: number; delivered: boolean }[] };
}

export interface SentMessage {
  id: string;
  waId: string;
  status: string;
  errors?: { code: number }[];
}

export async function admin<T>(stack: WhatsAppStack, method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${stack.emulator.url}/__emulator${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Emulator answered ${response.status} to ${method} ${route}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** A customer's message, posted by the emulator as a signed webhook to whatever Meta's routing says. */
export const simulateInbound = (stack: WhatsAppStack, input: Record<string, unknown>) =>
  admin<InboundResult>(stack, 'POST', '/inbound', input);

/** Messages our nodes sent (accepted POST /{phone-number-id}/messages), oldest first; optionally from one number. */
export async function sentMessageBodies(stack: WhatsAppStack, waId: string, fromPhoneNumberId = ''): Promise<Record<string, unknown>[]> {
  const log = await admin<{ data: LoggedRequest[] }>(stack, 'GET', `/requests?path=${fromPhoneNumberId}/messages&method=POST`);
  // `to` may be written as +447700900123 or 447700900123 (§1.1): compare digits.
  return log.data.filter((entry) => entry.status === 200 && String(entry.body.to).replace(/\D/g, '') === waId).map((entry) => entry.body);
}

export async function sentMessages(stack: WhatsAppStack, waId: string): Promise<SentMessage[]> {
  return (await admin<{ data: SentMessage[] }>(stack, 'GET', `/messages?to=${waId}`)).data;
}

export async function webhookDeliveries(stack: WhatsAppStack): Promise<WebhookDelivery[]> {
  return (await admin<{ data: WebhookDelivery[] }>(stack, 'GET', '/webhook-deliveries')).data;
}

export const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Finished executions of one example workflow. */
export async function finishedRuns(stack: WhatsAppStack, example: keyof WhatsAppStack['examples']) {
  return (await stack.n8n.executions(stack.examples[example].id)).filter((run) => run.stoppedAt !== null);
}

/** Waits until an execution appears (or times out), then long enough for a second, unwanted one to show up. */
export async function runsAfter(stack: WhatsAppStack, example: keyof WhatsAppStack['examples'], expected: number, settleMs = 2000) {
  if (expected > 0) await stack.n8n.waitForExecutions(stack.examples[example].id, expected);
  await settle(settleMs);
  return await finishedRuns(stack, example);
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}.`);
    await settle(300);
  }
}

/**
 * The abandoned-cart workflow waits while it is 21:00-08:00 where the customer lives (the zone
 * comes from the number). The test must not depend on the hour it runs at, so it picks the country
 * whose local time is furthest from both ends of the quiet hours now. Four single-zone countries
 * spread around the globe (UTC+0/+1, +5:30, +9, -3) always leave at least one in daytime.
 */
const DAYTIME_CANDIDATES = [
  { zone: 'Europe/London', prefix: '447700900', digits: 12 }, // +44 7700 900xxx: Ofcom's range for drama
  { zone: 'Asia/Kolkata', prefix: '9198765', digits: 12 },
  { zone: 'Asia/Tokyo', prefix: '81901234', digits: 12 },
  { zone: 'America/Argentina/Buenos_Aires', prefix: '549111234', digits: 13 },
];

function minutesOfDay(zone: string, now: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return value('hour') * 60 + value('minute');
}

/** `count` distinct wa_ids (digits, with country code) of one country where it is daytime now. */
export function daytimeRecipients(count: number, now = new Date()): { zone: string; waIds: string[] } {
  const quietStart = 21 * 60;
  const quietEnd = 8 * 60;
  const margin = (zone: string) => {
    const minutes = minutesOfDay(zone, now);
    return minutes >= quietEnd && minutes < quietStart ? Math.min(minutes - quietEnd, quietStart - minutes) : -1;
  };
  const best = [...DAYTIME_CANDIDATES].sort((a, b) => margin(b.zone) - margin(a.zone))[0];
  if (margin(best.zone) < 15) throw new Error('No candidate country is safely outside 21:00-08:00 now; add a zone to the list above.');
  const suffixLength = best.digits - best.prefix.length;
  const waIds = Array.from({ length: count }, (_unused, index) => best.prefix + String(index + 1).padStart(suffixLength, '0'));
  return { zone: best.zone, waIds };
}

/** Whether the after-hours example (mon-fri 09:00-17:00, Europe/London) counts `now` as opening hours. */
export function londonShopIsOpen(now = new Date()): boolean {
  const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short' }).format(now);
  const minutes = minutesOfDay('Europe/London', now);
  return !['Sat', 'Sun'].includes(weekday) && minutes >= 9 * 60 && minutes < 17 * 60;
}
