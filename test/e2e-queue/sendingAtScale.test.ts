/**
 * Template sends at a number's ceiling in n8n 2.41 queue mode: main + webhook processor + 2 workers
 * (concurrency 2 and 3), the pack's credential pointing at the cluster's own Redis for shared state.
 * Concurrent executions on both workers send from one number; the emulator's per-second account
 * judges the pace (never the test's wall clock). Run with `npm run test:e2e:queue`.
 */
import { randomUUID } from 'node:crypto';
import { SEED } from '../../emulator';
import { PACKAGE_NAME } from '../../e2e/lib/examples';
import { publishWithRetry } from '../../e2e/lib/publication';
import { startQueueCluster, type QueueCluster } from '../../e2e/queue/cluster';
import { ourSendTemplateParameters } from '../../bench/lib/workflows';
import { admin, createSharedStateCredential, settle } from './helpers';

/** Meta's default ceiling (messages per second) and the sends: EXECUTIONS × ITEMS_PER_EXECUTION. */
const CEILING = 80;
const EXECUTIONS = 10;
const ITEMS_PER_EXECUTION = 500;
const TOTAL = EXECUTIONS * ITEMS_PER_EXECUTION;
const SENDER = 'Send Template';

interface ThroughputSecond {
  second: number;
  accepted: number;
  refused: number;
  ceiling: number;
}
interface ThroughputReport {
  accepted: number;
  refused: number;
  maxPerSecond: number;
  violations: number;
  seconds: ThroughputSecond[];
}

let cluster: QueueCluster;
const figures: Record<string, unknown> = {};

beforeAll(async () => {
  cluster = await startQueueCluster({ emulator: { throughput: { messagesPerSecond: CEILING, phoneNumbers: {} } } });
  figures.startMs = cluster.timings;
}, 600_000);

afterAll(async () => {
  if (!cluster) return;
  await cluster.stop();
  console.info(`queue-mode sending figures: ${JSON.stringify(figures)}`);
}, 120_000);

const throughput = async (): Promise<ThroughputReport | undefined> =>
  (await admin<{ data: ThroughputReport[] }>(cluster, 'GET', `/throughput?phoneNumberId=${SEED.phoneNumberId}`)).data[0];

/** Webhook (POST the recipients) → Split Out → Send Template at the number's ceiling, errors as items. */
async function publishSender(credential: { id: string; name: string }): Promise<{ id: string; url: string }> {
  const path = `queue-send-${randomUUID()}`;
  const position = (index: number): [number, number] => [index * 240, 0];
  const id = await cluster.main.importWorkflow({
    name: 'queue: template sends at the ceiling',
    nodes: [
      { id: randomUUID(), name: 'Recipients', type: 'n8n-nodes-base.webhook', typeVersion: 2.1, position: position(0), webhookId: randomUUID(), parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} } },
      { id: randomUUID(), name: 'One Item Per Recipient', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: position(1), parameters: { fieldToSplitOut: 'body.recipients', options: {} } },
      {
        id: randomUUID(), name: SENDER, type: `${PACKAGE_NAME}.whatsAppBusiness`, typeVersion: 1, position: position(2), onError: 'continueRegularOutput',
        parameters: ourSendTemplateParameters({ throughput: 'custom', messagesPerSecond: CEILING }), credentials: { whatsAppCloudApi: credential },
      },
    ],
    connections: {
      Recipients: { main: [[{ node: 'One Item Per Recipient', type: 'main', index: 0 }]] },
      'One Item Per Recipient': { main: [[{ node: SENDER, type: 'main', index: 0 }]] },
    },
    settings: { executionOrder: 'v1' },
  });
  await publishWithRetry(cluster.main, id, 'queue sender');
  return { id, url: cluster.webhookUrl(path) };
}

describe('one number, several workers: one ceiling, shared through Redis', () => {
  test(`${TOTAL} template sends in ${EXECUTIONS} concurrent executions on both workers never exceed the ceiling in any second and reach at least 90 % of it`, async () => {
    const { id: workflowId, url } = await publishSender(await createSharedStateCredential(cluster));

    const statuses = await Promise.all(
      Array.from({ length: EXECUTIONS }, async (_, execution) => {
        const recipients = Array.from({ length: ITEMS_PER_EXECUTION }, (_, index) => {
          const n = execution * ITEMS_PER_EXECUTION + index;
          return { to: `1555${String(n).padStart(7, '0')}`, key: `queue-${n}`, name: `Customer ${n}` };
        });
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ recipients }) });
        await response.text();
        return response.status;
      }),
    );
    expect(statuses).toEqual(statuses.map(() => 200));

    // Until the emulator counted every send (bounded: 5,000 at 80/s is about 65 s).
    const deadline = Date.now() + 240_000;
    let account = await throughput();
    while ((account?.accepted ?? 0) + (account?.refused ?? 0) < TOTAL && Date.now() < deadline) {
      await settle(2000);
      account = await throughput();
    }
    const runs = await cluster.main.waitForExecutions(workflowId, EXECUTIONS, 120_000);
    expect(runs.map((run) => run.status)).toEqual(runs.map(() => 'success'));
    expect(new Set(runs.map((run) => cluster.workerOf(run.id)))).toEqual(new Set(['worker1', 'worker2']));

    expect(account).toMatchObject({ accepted: TOTAL, refused: 0, violations: 0 });
    expect(account!.maxPerSecond).toBeLessThanOrEqual(CEILING);
    // The share of the ceiling over the full seconds (the first and last are partial).
    const inner = account!.seconds.slice(1, -1);
    const share = inner.reduce((sum, second) => sum + second.accepted, 0) / (inner.length * CEILING);
    figures.sending = { total: TOTAL, seconds: account!.seconds.length, maxPerSecond: account!.maxPerSecond, shareOfCeiling: Number(share.toFixed(3)), runsByWorker: runs.reduce<Record<string, number>>((counts, run) => ({ ...counts, [cluster.workerOf(run.id)!]: (counts[cluster.workerOf(run.id)!] ?? 0) + 1 }), {}) };
    expect(share).toBeGreaterThanOrEqual(0.9);
  }, 600_000);
});
