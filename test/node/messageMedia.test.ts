import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INodeExecutionData } from 'n8n-workflow';
import { SEED } from '../../emulator';
import { CUSTOMER_WA_ID, useNodeTestBed } from '../harness/whatsAppBusinessTestBed';

// A real 1×1 PNG and a minimal PDF: the emulator checks MIME types and sizes, not pixels.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

function itemWithFile(content: Buffer, mimeType: string, fileName: string, property = 'data'): INodeExecutionData {
	return { json: { phone: '+16505551234' }, binary: { [property]: { data: content.toString('base64'), mimeType, fileName } } };
}

const bed = useNodeTestBed({ beforeEachTest: { customerWrites: CUSTOMER_WA_ID } });

const sendMedia = { resource: 'message', operation: 'sendMedia', to: '={{ $json.phone }}' };

describe('Message › Send Media', () => {
	test('a binary PNG is uploaded as multipart with its MIME type, then sent as an image by the returned media ID', async () => {
		const result = await bed.run({ ...sendMedia, mediaType: 'image', mediaSource: 'binary', caption: 'The best succulent ever?' }, [itemWithFile(PNG, 'image/png', 'succulent.png')]);
		const [upload] = await bed.accepted('/media');
		expect(upload.path).toBe(`/v24.0/${SEED.phoneNumberId}/media`);
		expect(upload.body).toEqual({
			fields: { messaging_product: 'whatsapp', type: 'image/png' },
			files: [{ field: 'file', filename: 'succulent.png', mimeType: 'image/png', size: PNG.length }],
		});
		const mediaId = (upload as { responseId?: string }).responseId;
		const [sent] = await bed.accepted('/messages');
		expect(sent.body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '+16505551234',
			type: 'image',
			image: { id: mediaId, caption: 'The best succulent ever?' },
		});
		expect(result.items[0].json).toMatchObject({ mediaId, type: 'image', waId: '16505551234', uploaded: { fileName: 'succulent.png', mimeType: 'image/png', fileSize: PNG.length } });
		expect(String(result.items[0].json.messageId)).toMatch(/^wamid\./);
	});

	test("a binary PDF from another binary field is sent as a document named after the binary's file name", async () => {
		await bed.run(
			{ ...sendMedia, mediaType: 'document', mediaSource: 'binary', binaryPropertyName: 'invoice', caption: 'Your order confirmation (PDF)' },
			[itemWithFile(PDF, 'application/pdf', 'order_abc123.pdf', 'invoice')],
		);
		const [upload] = await bed.accepted('/media');
		expect(upload.body).toMatchObject({ fields: { type: 'application/pdf' }, files: [{ filename: 'order_abc123.pdf', mimeType: 'application/pdf' }] });
		const [sent] = await bed.accepted('/messages');
		expect((sent.body as Record<string, unknown>).document).toEqual({
			id: (upload as { responseId?: string }).responseId,
			caption: 'Your order confirmation (PDF)',
			filename: 'order_abc123.pdf',
		});
	});

	test('a File Name given in the node wins over the binary file name', async () => {
		await bed.run({ ...sendMedia, mediaType: 'document', mediaSource: 'binary', filename: 'Invoice 1042.pdf' }, [itemWithFile(PDF, 'application/pdf', 'tmp-8c1f.pdf')]);
		const [sent] = await bed.accepted('/messages');
		expect((sent.body as { document: { filename: string } }).document.filename).toBe('Invoice 1042.pdf');
	});

	test('a link is sent as is, without any upload', async () => {
		const result = await bed.run({ ...sendMedia, mediaType: 'video', mediaSource: 'link', mediaLink: 'https://example.com/clip.mp4', caption: 'A succulent eclipse!' }, [{ json: { phone: '16505551234' } }]);
		expect(await bed.accepted('/media')).toHaveLength(0);
		const [sent] = await bed.accepted('/messages');
		expect(sent.body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '+16505551234',
			type: 'video',
			video: { link: 'https://example.com/clip.mp4', caption: 'A succulent eclipse!' },
		});
		expect(result.items[0].json).not.toHaveProperty('mediaId');
	});

	test('an already uploaded media ID is sent as a voice note', async () => {
		const form = new FormData();
		form.append('messaging_product', 'whatsapp');
		form.append('file', new Blob([Buffer.from('OggS-voice')], { type: 'audio/ogg' }), 'note.ogg');
		const uploaded = await fetch(`${bed.emulator.url}/v24.0/${SEED.phoneNumberId}/media`, { method: 'POST', headers: { authorization: `Bearer ${SEED.accessToken}` }, body: form });
		const { id } = (await uploaded.json()) as { id: string };
		await fetch(`${bed.emulator.url}/__emulator/requests`, { method: 'DELETE' });

		const result = await bed.run({ ...sendMedia, mediaType: 'audio', mediaSource: 'id', mediaId: ` ${id} `, voice: true }, [{ json: { phone: '16505551234' } }]);
		const [sent] = await bed.accepted('/messages');
		expect((sent.body as Record<string, unknown>).audio).toEqual({ id, voice: true });
		expect(result.items[0].json.mediaId).toBe(id);
		expect(await bed.accepted('/media')).toHaveLength(0);
	});

	test('a caption on a sticker (type chosen by expression) is refused before anything is uploaded or sent', async () => {
		await expect(
			bed.run({ ...sendMedia, mediaType: '={{ $json.kind }}', mediaSource: 'binary', caption: 'Hello' }, [{ ...itemWithFile(PNG, 'image/webp', 'hi.webp'), json: { phone: '16505551234', kind: 'sticker' } }]),
		).rejects.toThrow(/caption on sticker/i);
		expect(await bed.accepted()).toHaveLength(0);
	});

	test('a binary file with a generic MIME type is refused before upload, and the MIME Type field fixes it', async () => {
		const generic = itemWithFile(PDF, 'application/octet-stream', 'report');
		const refused = await bed.run({ ...sendMedia, mediaType: 'document', mediaSource: 'binary' }, [generic], { continueOnFail: true });
		expect(refused.items[0].json.error).toMatchObject({ message: expect.stringMatching(/application\/octet-stream/), description: expect.stringMatching(/MIME type/) });
		expect(await bed.accepted()).toHaveLength(0);

		await bed.run({ ...sendMedia, mediaType: 'document', mediaSource: 'binary', mimeType: 'application/pdf' }, [generic]);
		const [upload] = await bed.accepted('/media');
		expect(upload.body).toMatchObject({ fields: { type: 'application/pdf' }, files: [{ filename: 'report', mimeType: 'application/pdf' }] });
		expect(await bed.accepted('/messages')).toHaveLength(1);
	});

	test('a WebP file sent as an image is refused before upload ((Meta: Media) WebP only as a sticker)', async () => {
		await expect(bed.run({ ...sendMedia, mediaType: 'image', mediaSource: 'binary' }, [itemWithFile(PNG, 'image/webp', 'hi.webp')])).rejects.toThrow(/image\/webp/);
		expect(await bed.accepted()).toHaveLength(0);
	});

	test('a WebP sticker is uploaded and sent without caption', async () => {
		await bed.run({ ...sendMedia, mediaType: 'sticker', mediaSource: 'binary' }, [itemWithFile(PNG, 'image/webp', 'hi.webp')]);
		const [upload] = await bed.accepted('/media');
		const [sent] = await bed.accepted('/messages');
		expect((sent.body as Record<string, unknown>).sticker).toEqual({ id: (upload as { responseId?: string }).responseId });
	});

	test('a missing binary field is named in the error and nothing is sent', async () => {
		await expect(bed.run({ ...sendMedia, mediaType: 'image', mediaSource: 'binary', binaryPropertyName: 'photo' }, [{ json: { phone: '16505551234' } }])).rejects.toThrow(/photo/);
		expect(await bed.accepted()).toHaveLength(0);
	});
});

describe('B1: a document sent without a file name is named, so the customer does not see "Untitled"', () => {
	const documentBy = (source: Record<string, string>) => ({ ...sendMedia, to: CUSTOMER_WA_ID, mediaType: 'document', filename: '', ...source });
	const sentDocument = async () => ((await bed.accepted('/messages'))[0].body as { document: Record<string, string> }).document;

	test.each([['cloudApi'], ['dialog360']])('by link: named after the link (the invoice case, %s)', async (authentication) => {
		await bed.run({ ...documentBy({ mediaSource: 'link', mediaLink: 'https://cdn.example.com/invoices/invoice-1042.pdf', caption: 'Your invoice' }), authentication });
		expect(await sentDocument()).toEqual({ link: 'https://cdn.example.com/invoices/invoice-1042.pdf', caption: 'Your invoice', filename: 'invoice-1042.pdf' });
	});

	test('by a link that names no file: named after the type the file\'s server reports (document.pdf)', async () => {
		const link = `${bed.emulator.url}/__emulator/files/download?id=1042&type=application/pdf`;
		await bed.run(documentBy({ mediaSource: 'link', mediaLink: link }));
		expect(await sentDocument()).toEqual({ link, filename: 'document.pdf' });
	});

	test('by a link whose server does not tell a type: sent without a name rather than failing', async () => {
		const link = `${bed.emulator.url}/__emulator/files/download?id=1042`;
		const result = await bed.run(documentBy({ mediaSource: 'link', mediaLink: link }));
		expect(result.items[0].json.messageId).toBeDefined();
		expect(await sentDocument()).toEqual({ link });
	});

	test('by media ID: named after the type WhatsApp stored for the upload', async () => {
		const upload = await bed.run({ resource: 'media', operation: 'upload', binaryPropertyName: 'data' }, [itemWithFile(PDF, 'application/pdf', 'x.pdf')]);
		const mediaId = String(upload.items[0].json.mediaId);
		await fetch(`${bed.emulator.url}/__emulator/requests`, { method: 'DELETE' });
		await bed.run(documentBy({ mediaSource: 'id', mediaId }));
		expect(await sentDocument()).toEqual({ id: mediaId, filename: 'document.pdf' });
	});

	test('a File Name given in the node still wins, and no look-up is made', async () => {
		const link = `${bed.emulator.url}/__emulator/files/download?type=application/pdf`;
		await bed.run({ ...documentBy({ mediaSource: 'link', mediaLink: link }), filename: 'Invoice 1042.pdf' });
		expect(await sentDocument()).toEqual({ link, filename: 'Invoice 1042.pdf' });
	});
});

/**
 * A customer's file server for document links: answers every GET or HEAD with `contentType` (or
 * never answers, with `silent`), on 127.0.0.1, and counts the requests it got.
 */
async function startFileServer(contentType: string, silent = false): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
	let count = 0;
	const server: Server = createServer((_req, res) => {
		count++;
		if (silent) return;
		res.writeHead(200, { 'Content-Type': contentType });
		res.end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests: () => count,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

describe('Minor 5: a document link that is a web page, not a file, is refused with the link to use', () => {
	const documentBy = (mediaLink: string, filename = '') => ({ ...sendMedia, to: CUSTOMER_WA_ID, mediaType: 'document', mediaSource: 'link', mediaLink, filename });

	test.each([
		['https://drive.google.com/file/d/1AbCdEf/view?usp=sharing', 'Google Drive share page', 'https://drive.google.com/uc?export=download&id=1AbCdEf'],
		['https://docs.google.com/document/d/1XyZ/edit', 'Google Docs page', 'https://docs.google.com/document/d/1XyZ/export?format=pdf'],
		['https://www.dropbox.com/scl/fi/abc/Invoice.pdf?rlkey=k&dl=0', 'Dropbox share page', 'https://www.dropbox.com/scl/fi/abc/Invoice.pdf?rlkey=k&dl=1'],
	])('%s is told from the link alone, even with a File Name, and nothing is sent', async (link, page, directLink) => {
		const result = await bed.run(documentBy(link, 'Invoice.pdf'), undefined, { continueOnFail: true });
		expect(await bed.accepted('/messages')).toHaveLength(0);
		const error = result.items[0].json.error as { message: string; description: string };
		expect(error.message).toContain(`${page}, not the file`);
		expect(error.description).toContain(directLink);
	});

	test('without Continue On Fail, a share page in any item stops the run before anything is sent', async () => {
		const items = ['https://cdn.example.com/invoices/invoice-1042.pdf', 'https://drive.google.com/file/d/1AbCdEf/view'].map((link) => ({ json: { link } }));
		await expect(bed.run(documentBy('={{ $json.link }}'), items)).rejects.toThrow(/Google Drive share page/);
		expect(await bed.accepted('/messages')).toHaveLength(0);
	});

	test('a link without a file name whose server answers text/html is refused, and the good item of the run is sent', async () => {
		const page = `${bed.emulator.url}/__emulator/files/share/7?type=${encodeURIComponent('text/html; charset=utf-8')}`;
		const file = `${bed.emulator.url}/__emulator/files/share/8?type=application/pdf`;
		const result = await bed.run({ ...documentBy('={{ $json.link }}') }, [{ json: { link: page } }, { json: { link: file } }], { continueOnFail: true });
		expect((result.items[0].json.error as { message: string }).message).toMatch(/answers with a web page \(text\/html\)/);
		expect(result.items[1].json.messageId).toBeDefined();
		const sent = await bed.accepted('/messages');
		expect(sent.map((request) => (request.body as { document: { link: string } }).document.link)).toEqual([file]);
	});

	test('each link is looked up once per run, and not at all when the link names the file or a File Name is given', async () => {
		const server = await startFileServer('application/pdf');
		try {
			const nameless = `${server.url}/download?id=7`;
			const items = [nameless, nameless, nameless, `${server.url}/files/invoice-7.pdf`].map((link) => ({ json: { link } }));
			const result = await bed.run(documentBy('={{ $json.link }}'), items);
			expect(result.items.map((item) => item.json.messageId)).toEqual(items.map(() => expect.stringMatching(/^wamid\./)));
			expect(server.requests()).toBe(1);
			await bed.run(documentBy(`${server.url}/download?id=8`, 'Invoice 8.pdf'));
			expect(server.requests()).toBe(1);
		} finally {
			await server.close();
		}
	});

	test('a link server that does not answer does not hold the send: the document goes out without a name', async () => {
		const server = await startFileServer('application/pdf', true);
		try {
			const link = `${server.url}/download?id=9`;
			const result = await bed.run(documentBy(link));
			expect(result.items[0].json.messageId).toBeDefined();
			expect(((await bed.accepted('/messages'))[0].body as { document: object }).document).toEqual({ link });
		} finally {
			await server.close();
		}
	});
});
