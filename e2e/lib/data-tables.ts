/**
 * The n8n Data tables the example workflows read and write (n8n's Data tables are the
 * store, the pack keeps none of its own). Created through n8n 2.41's public API
 * (`POST /api/v1/data-tables {name, columns}`); the examples find them by name.
 */
import type { JsonCall } from './n8n-clients';

type ColumnType = 'string' | 'number' | 'boolean' | 'date';

export const DATA_TABLES: Record<string, { name: string; type: ColumnType }[]> = {
  // Written by inbound-to-data-table, read by abandoned-cart and refund-approval (the customer-service
  // window). Keyed on contact_key: the wa_id, or the business-scoped user ID when the number is withheld.
  whatsapp_contacts: [
    { name: 'contact_key', type: 'string' },
    { name: 'wa_id', type: 'string' },
    { name: 'user_id', type: 'string' },
    { name: 'last_inbound_at', type: 'date' },
    { name: 'profile_name', type: 'string' },
    { name: 'last_text', type: 'string' },
  ],
  // Written by delivery-status.
  whatsapp_message_status: [
    { name: 'message_id', type: 'string' },
    { name: 'wa_id', type: 'string' },
    { name: 'user_id', type: 'string' },
    { name: 'status', type: 'string' },
    { name: 'status_rank', type: 'number' },
    { name: 'error_code', type: 'number' },
    { name: 'error_advice', type: 'string' },
    { name: 'updated_at', type: 'date' },
  ],
  // Written by daily-whatsapp-report.
  whatsapp_template_daily: [
    { name: 'date', type: 'date' },
    { name: 'template_name', type: 'string' },
    { name: 'template_id', type: 'string' },
    { name: 'category', type: 'string' },
    { name: 'sent', type: 'number' },
    { name: 'delivered', type: 'number' },
    { name: 'read', type: 'number' },
    { name: 'clicked', type: 'number' },
    { name: 'amount_spent', type: 'number' },
  ],
  whatsapp_spend_daily: [
    { name: 'date', type: 'date' },
    { name: 'pricing_category', type: 'string' },
    { name: 'pricing_type', type: 'string' },
    { name: 'country', type: 'string' },
    { name: 'volume', type: 'number' },
    { name: 'cost', type: 'number' },
  ],
};

export type DataTableName = keyof typeof DATA_TABLES;

export interface DataTableRow {
  id: number;
  createdAt: string;
  updatedAt: string;
  [column: string]: unknown;
}

/** Creates every table the examples use (an existing one of the same name is kept); returns their ids by name. */
export async function createDataTables(api: JsonCall): Promise<Record<string, string>> {
  const existing = await api<{ data: { id: string; name: string }[] }>('GET', '/data-tables?limit=250');
  const ids: Record<string, string> = {};
  for (const [name, columns] of Object.entries(DATA_TABLES)) {
    const found = existing.data.find((table) => table.name === name);
    ids[name] = found ? found.id : (await api<{ id: string }>('POST', '/data-tables', { name, columns })).id;
  }
  return ids;
}

/** Rows of a table, optionally those whose column equals a value. */
export async function readRows(api: JsonCall, tableId: string, where?: Record<string, string | number>): Promise<DataTableRow[]> {
  const filters = Object.entries(where ?? {}).map(([columnName, value]) => ({ columnName, condition: 'eq', value }));
  const query = new URLSearchParams({ limit: '250' });
  if (filters.length > 0) query.set('filter', JSON.stringify({ type: 'and', filters }));
  return (await api<{ data: DataTableRow[] }>('GET', `/data-tables/${tableId}/rows?${query}`)).data;
}

/** Inserts rows (e.g. a contact who wrote some time ago), as the inbound workflow would have. */
export async function insertRows(api: JsonCall, tableId: string, rows: Record<string, unknown>[]): Promise<void> {
  await api('POST', `/data-tables/${tableId}/rows`, { data: rows, returnType: 'count' });
}
