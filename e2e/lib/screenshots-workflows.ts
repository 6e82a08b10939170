/**
 * The workflows the README screenshots show (scripts/screenshots.ts). Node types use the
 * community-package form `<package>.<node>`, as users who install the package see them.
 */
import type { WorkflowJson } from '../n8n';

/** Node names the screenshot script opens; they are also the labels on the canvas. */
export const SHOT_NODES = {
  sendTemplate: 'Send order confirmation',
  sessionWindow: 'Inside 24 h window?',
  trigger: 'WhatsApp Business Trigger',
} as const;

export interface ShotWorkflowOptions {
  /** The package name, the prefix of our node types (n8n-nodes-whatsapp-business). */
  packageName: string;
  credentialId: string;
  credentialName: string;
}

/** order_confirmation's variables (emulator seed: NAMED header + body, URL button 1), mapped from the webhook body. */
const ORDER_CONFIRMATION_VALUES = {
  header: '={{ $json.body.order_number }}',
  body_first_name: '={{ $json.body.first_name }}',
  body_order_number: '={{ $json.body.order_number }}',
  body_order_total: '={{ $json.body.order_total }}',
  button_1_url: '={{ $json.body.order_number }}',
};

/**
 * Order placed (webhook) → Session Window → Open: free text, Closed: the approved template.
 * The template mapper carries values but no schema, so the editor has to load the fields from
 * the WhatsApp API (here the emulator) when the panel opens.
 */
export function orderConfirmationWorkflow(options: ShotWorkflowOptions): WorkflowJson {
  const type = (name: string) => `${options.packageName}.${name}`;
  const credentials = { whatsAppCloudApi: { id: options.credentialId, name: options.credentialName } };
  const to = '={{ $json.body.phone }}';
  return {
    name: 'Order confirmation on WhatsApp',
    nodes: [
      {
        id: 'b1e0c7a4-0001-4c52-9a51-000000000001',
        name: 'Order placed',
        type: 'n8n-nodes-base.webhook',
        typeVersion: 2,
        position: [0, 0],
        webhookId: 'b1e0c7a4-0001-4c52-9a51-0000000000aa',
        parameters: { httpMethod: 'POST', path: 'order-placed', options: {} },
      },
      {
        id: 'b1e0c7a4-0001-4c52-9a51-000000000002',
        name: SHOT_NODES.sessionWindow,
        type: type('whatsAppSessionWindow'),
        typeVersion: 1,
        position: [260, 0],
        parameters: { mode: 'customerServiceWindow', lastInboundAt: '={{ $json.body.last_inbound_at }}', safetyMarginMinutes: 10 },
      },
      {
        id: 'b1e0c7a4-0001-4c52-9a51-000000000003',
        name: 'Send text',
        type: type('whatsAppBusiness'),
        typeVersion: 1,
        position: [560, -120],
        credentials,
        parameters: {
          operation: 'sendText',
          to,
          text: '=Hi {{ $json.body.first_name }}, your order {{ $json.body.order_number }} is confirmed. Total: {{ $json.body.order_total }}.',
        },
      },
      {
        id: 'b1e0c7a4-0001-4c52-9a51-000000000004',
        name: SHOT_NODES.sendTemplate,
        type: type('whatsAppBusiness'),
        typeVersion: 1,
        position: [560, 120],
        credentials,
        parameters: {
          operation: 'sendTemplate',
          to,
          template: { __rl: true, mode: 'list', value: 'order_confirmation|en_US', cachedResultName: 'order_confirmation (en_US) · UTILITY' },
          templateParameters: { mappingMode: 'defineBelow', value: ORDER_CONFIRMATION_VALUES, matchingColumns: [], schema: [] },
        },
      },
    ],
    connections: {
      'Order placed': { main: [[{ node: SHOT_NODES.sessionWindow, type: 'main', index: 0 }]] },
      [SHOT_NODES.sessionWindow]: {
        main: [[{ node: 'Send text', type: 'main', index: 0 }], [{ node: SHOT_NODES.sendTemplate, type: 'main', index: 0 }]],
      },
    },
    settings: { executionOrder: 'v1' },
  };
}

/** Inbound messages → a read receipt; the screenshot shows the trigger's panel (signature check, events). */
export function inboundWorkflow(options: ShotWorkflowOptions): WorkflowJson {
  const type = (name: string) => `${options.packageName}.${name}`;
  const credentials = { whatsAppCloudApi: { id: options.credentialId, name: options.credentialName } };
  return {
    name: 'Inbound WhatsApp messages',
    nodes: [
      {
        id: 'b1e0c7a4-0002-4c52-9a51-000000000001',
        name: SHOT_NODES.trigger,
        type: type('whatsAppBusinessTrigger'),
        typeVersion: 1,
        position: [0, 0],
        webhookId: 'b1e0c7a4-0002-4c52-9a51-0000000000aa',
        credentials,
        parameters: { events: ['message', 'status'] },
      },
      {
        id: 'b1e0c7a4-0002-4c52-9a51-000000000002',
        name: 'Mark as read',
        type: type('whatsAppBusiness'),
        typeVersion: 1,
        position: [260, 0],
        credentials,
        parameters: { operation: 'markAsRead', messageId: '={{ $json.id }}' },
      },
    ],
    connections: { [SHOT_NODES.trigger]: { main: [[{ node: 'Mark as read', type: 'main', index: 0 }]] } },
    settings: { executionOrder: 'v1' },
  };
}
