/**
 * What the end-to-end tests ask of the emulator's admin API and of n8n, and the choice of
 * recipient numbers whose local time is outside the abandoned-cart workflow's quiet hours.
 */
import { minutesOfDay } from '../../e2e/lib/daytime-recipients';
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

/** The emulator's admin API (`/__emulator<route>`) of any set-up that has an emulator (also the queue-mode cluster). */
export async function admin<T>(stack: Pick<WhatsAppStack, 'emulator'>, method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
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
  // `to` may be written as +447700900123 or 447700900123 (Meta: Send messages): compare digits.
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

/** Whether the after-hours example (mon-fri 09:00-17:00, Europe/London) counts `now` as opening hours. */
export function londonShopIsOpen(now = new Date()): boolean {
  const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short' }).format(now);
  const minutes = minutesOfDay('Europe/London', now);
  return !['Sat', 'Sun'].includes(weekday) && minutes >= 9 * 60 && minutes < 17 * 60;
}
