import { createHash } from 'node:crypto';
import { call, expectMetaError, graph, mediaForm, PHONE, SEED, send, upload, useTestEmulator } from '../harness/emulatorClient';

let now = Date.UTC(2025, 0, 1);
const emulator = useTestEmulator({ now: () => now });

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('media upload, URL, download and delete (Meta: Media)', () => {
	it('upload → {id}; GET /{media-id} → url, mime_type, sha256, file_size, id', async () => {
		const id = await upload(emulator, pdf, 'application/pdf', 'invoice.pdf');
		expect(id).toMatch(/^\d{16}$/);
		const info = await graph(emulator, 'GET', `/${id}`);
		expect(info.json).toEqual({
			messaging_product: 'whatsapp',
			url: expect.stringMatching(new RegExp(`^${emulator.url}/whatsapp_business/attachments/\\?mid=${id}&ext=pdf&`)),
			mime_type: 'application/pdf',
			sha256: createHash('sha256').update(pdf).digest('hex'),
			file_size: String(pdf.length),
			id,
		});
	});

	it('the URL downloads the bytes with the Bearer token only, and expires after 5 minutes', async () => {
		const id = await upload(emulator, pdf, 'application/pdf');
		const { url } = (await graph(emulator, 'GET', `/${id}`)).json;
		const path = url.slice(emulator.url.length);
		const withToken = await fetch(url, { headers: { Authorization: `Bearer ${SEED.accessToken}` } });
		expect(withToken.headers.get('content-type')).toBe('application/pdf');
		expect(Buffer.from(await withToken.arrayBuffer())).toEqual(pdf);
		expect((await call(emulator, 'GET', path, undefined, { token: null })).status).toBe(401);
		expect((await call(emulator, 'GET', path, undefined, { token: 'stolen' })).status).toBe(401);
		expect((await call(emulator, 'GET', path.replace(`mid=${id}`, 'mid=1234'))).status).toBe(404);
		now += 5 * 60 * 1000;
		expect((await call(emulator, 'GET', path)).status).toBe(404);
	});

	it('DELETE /{media-id} → {success:true}; afterwards GET is code 100 and sending it is 131053', async () => {
		const id = await upload(emulator, Buffer.from('ffd8ffe0', 'hex'), 'image/jpeg');
		expect((await graph(emulator, 'DELETE', `/${id}`)).json).toEqual({ success: true });
		expectMetaError(await graph(emulator, 'GET', `/${id}`), 100);
		expectMetaError(await graph(emulator, 'DELETE', `/${id}`), 100);
		expectMetaError(await send(emulator, { type: 'image', image: { id } }), 131053);
	});

	it('?phone_number_id= restricts GET and DELETE to media of that number', async () => {
		const id = await upload(emulator, pdf, 'application/pdf');
		expect((await graph(emulator, 'GET', `/${id}?phone_number_id=${PHONE}`)).status).toBe(200);
		expectMetaError(await graph(emulator, 'GET', `/${id}?phone_number_id=${SEED.secondPhoneNumberId}`), 100);
	});

	it('records the upload in the request log without its bytes', async () => {
		const id = await upload(emulator, pdf, 'application/pdf', 'invoice.pdf');
		const [entry] = (await call(emulator, 'GET', '/__emulator/requests?path=/media')).json.data;
		expect(entry).toMatchObject({ method: 'POST', responseId: id, body: { fields: { messaging_product: 'whatsapp' }, files: [{ field: 'file', filename: 'invoice.pdf', mimeType: 'application/pdf', size: pdf.length }] } });
	});
});

describe('upload validation (Meta: Media)', () => {
	const post = (form: FormData) => graph(emulator, 'POST', `/${PHONE}/media`, undefined, { rawBody: form });

	it('an unsupported MIME type → 131053', async () => {
		expectMetaError(await post(mediaForm(Buffer.from('GIF89a'), 'image/gif')), 131053);
	});

	it('an image over 5 MB → 100; a sticker over 500 KB → 100', async () => {
		expectMetaError(await post(mediaForm(Buffer.alloc(5 * 1024 * 1024 + 1), 'image/png')), 100);
		expectMetaError(await post(mediaForm(Buffer.alloc(500 * 1024 + 1), 'image/webp')), 100);
	});

	it('a type field contradicting the file part → 131053', async () => {
		expectMetaError(await post(mediaForm(pdf, 'application/pdf', 'a.pdf', { messaging_product: 'whatsapp', type: 'image/jpeg' })), 131053);
	});

	it('without messaging_product or without file → 131008; JSON instead of multipart → 100', async () => {
		expectMetaError(await post(mediaForm(pdf, 'application/pdf', 'a.pdf', {})), 131008);
		const noFile = new FormData();
		noFile.append('messaging_product', 'whatsapp');
		expectMetaError(await post(noFile), 131008);
		expectMetaError(await graph(emulator, 'POST', `/${PHONE}/media`, { messaging_product: 'whatsapp', file: '@photo.jpg' }), 100);
	});

	it('accepts audio/ogg with a codecs parameter', async () => {
		expect(await upload(emulator, Buffer.from('OggS'), 'audio/ogg; codecs=opus')).toMatch(/^\d+$/);
	});
});

describe('360dialog media paths (docs/360dialog.md)', () => {
	it('POST /media, GET and DELETE /{media-id} and the download with D360-API-KEY', async () => {
		const key = { apiKey: SEED.dialog360ApiKey };
		const uploaded = await call(emulator, 'POST', '/media', undefined, { ...key, rawBody: mediaForm(pdf, 'application/pdf') });
		const info = await call(emulator, 'GET', `/${uploaded.json.id}`, undefined, key);
		expect(info.json).toMatchObject({ id: uploaded.json.id, mime_type: 'application/pdf' });
		const download = await fetch(info.json.url, { headers: { 'D360-API-KEY': SEED.dialog360ApiKey } });
		expect(download.status).toBe(200);
		expect((await call(emulator, 'DELETE', `/${uploaded.json.id}`, undefined, key)).json).toEqual({ success: true });
	});
});
