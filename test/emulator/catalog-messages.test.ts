import { call, expectMetaError, openWindow, send, useTestEmulator } from '../harness/emulatorClient';

const CATALOG_ID = '194836987003835';

const product = (action: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
	type: 'interactive',
	interactive: { type: 'product', body: { text: 'Our best seller this week' }, action: { catalog_id: CATALOG_ID, product_retailer_id: 'di9ozbzfi4', ...action }, ...extra },
});

const productList = (sections: unknown[], extra: Record<string, unknown> = {}) => ({
	type: 'interactive',
	interactive: {
		type: 'product_list',
		header: { type: 'text', text: 'Spring picks' },
		body: { text: 'Hand-picked succulents for your windowsill.' },
		action: { catalog_id: CATALOG_ID, sections },
		...extra,
	},
});

const section = (title: string | undefined, ...ids: string[]) => ({ ...(title ? { title } : {}), product_items: ids.map((product_retailer_id) => ({ product_retailer_id })) });

const catalogMessage = (action: Record<string, unknown> = { name: 'catalog_message' }, body: unknown = { text: 'Browse our catalog and order in the chat.' }) => ({
	type: 'interactive',
	interactive: { type: 'catalog_message', ...(body ? { body } : {}), action },
});

describe('catalog messages: product, product_list and catalog_message against the connected catalog', () => {
	const emulator = useTestEmulator();
	beforeEach(async () => await openWindow(emulator));

	it('sends a single-product message, a multi-product message and a catalog message (thumbnail optional)', async () => {
		expect((await send(emulator, product())).status).toBe(200);
		expect((await send(emulator, productList([section('Cacti', '2lc20305pt'), section('Succulents', 'di9ozbzfi4', 'jade_plant')]))).status).toBe(200);
		expect((await send(emulator, catalogMessage({ name: 'catalog_message', parameters: { thumbnail_product_retailer_id: '2lc20305pt' } }))).status).toBe(200);
		expect((await send(emulator, catalogMessage())).status).toBe(200);
	});

	it('a multi-product message keeps going when some products are unknown (they are dropped)', async () => {
		expect((await send(emulator, productList([section(undefined, 'di9ozbzfi4', 'not-in-catalog')]))).status).toBe(200);
	});

	it.each([
		['a product not in the catalog', 131009, product({ product_retailer_id: 'not-in-catalog' })],
		['a single-product message with a header', 131009, product({}, { header: { type: 'text', text: 'New' } })],
		['a catalog that is not the connected one', 131009, product({ catalog_id: '111111111111111' })],
		['a product list where no product is known', 131009, productList([section(undefined, 'nope-1', 'nope-2')])],
		['a product list with more than 30 products', 131009, productList([section('A', ...Array.from({ length: 16 }, (_, index) => `a${index}`)), section('B', 'di9ozbzfi4', ...Array.from({ length: 15 }, (_, index) => `b${index}`))])],
		['a product list with two sections and an untitled one', 131008, productList([section('Cacti', '2lc20305pt'), section(undefined, 'di9ozbzfi4')])],
		['a product list without a header', 131008, productList([section(undefined, 'di9ozbzfi4')], { header: undefined })],
		['a product list with an image header', 131009, productList([section(undefined, 'di9ozbzfi4')], { header: { type: 'image', image: { link: 'https://example.com/a.jpg' } } })],
		['a catalog message whose thumbnail product is unknown', 131009, catalogMessage({ name: 'catalog_message', parameters: { thumbnail_product_retailer_id: 'nope' } })],
		['a catalog message without a body', 131008, catalogMessage({ name: 'catalog_message' }, null)],
	])('%s → %i', async (_name, code, message) => {
		expectMetaError(await send(emulator, message), code);
	});

	it('with no catalog connected, product and catalog messages fail with 131009', async () => {
		await call(emulator, 'POST', '/__emulator/catalog', { connected: false });
		expectMetaError(await send(emulator, product()), 131009);
		expectMetaError(await send(emulator, catalogMessage()), 131009);
	});

	it('product messages are not notifications: outside the window they are accepted, then fail with 131047', async () => {
		await call(emulator, 'POST', '/__emulator/clock', { advanceMs: 25 * 3600 * 1000 });
		const response = await send(emulator, product());
		expect(response.status).toBe(200);
		expect(emulator.state.messages.get(response.json.messages[0].id)).toMatchObject({ status: 'failed', errors: [expect.objectContaining({ code: 131047 })] });
	});

	it('the admin API lists, adds and removes catalog products', async () => {
		const listed = await call(emulator, 'GET', '/__emulator/catalog');
		expect(listed.json.data[0]).toMatchObject({ id: CATALOG_ID, connected: true, products: expect.arrayContaining([{ retailer_id: 'di9ozbzfi4', name: 'Aloe Vera', price: '7.99', currency: 'USD', availability: 'in stock' }]) });
		await call(emulator, 'POST', '/__emulator/catalog', { products: [{ retailer_id: 'moon_cactus', name: 'Moon Cactus', price: '6.50' }], removeProducts: ['di9ozbzfi4'] });
		expect((await send(emulator, product({ product_retailer_id: 'moon_cactus' }))).status).toBe(200);
		expectMetaError(await send(emulator, product()), 131009);
	});
});
