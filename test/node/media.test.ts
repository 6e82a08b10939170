import { createHash } from 'node:crypto';
import type { INodeExecutionData } from 'n8n-workflow';
import { SEED } from '../../emulator';
import { binaryBuffer } from '../harness/n8nContext';
import { useNodeTestBed } from '../harness/whatsAppBusinessTestBed';

/** A real 1×1 PNG and a real one-page PDF: small files as a previous node would hand them over. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from(
	'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
		'3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

function fileItem(content: Buffer, mimeType: string, fileName: string, property = 'data'): INodeExecutionData {
	return { json: { note: 'from a previous node' }, binary: { [property]: { data: content.toString('base64'), mimeType, fileName } } };
}

const bed = useNodeTestBed();

async function upload(item: INodeExecutionData, extra: Record<string, unknown> = {}, authentication = 'cloudApi') {
	const result = await bed.run({ authentication, resource: 'media', operation: 'upload', ...extra }, [item]);
	return result.items[0].json;
}

async function download(mediaId: string, extra: Record<string, unknown> = {}, authentication = 'cloudApi') {
	const result = await bed.run({ authentication, resource: 'media', operation: 'download', mediaId, ...extra });
	return result.items[0];
}

describe('Media › Upload', () => {
	test('uploads a PNG from binary as multipart (messaging_product, type, file with name and MIME)', async () => {
		const json = await upload(fileItem(PNG, 'image/png', 'pixel.png'));
		expect(json).toEqual({ mediaId: expect.stringMatching(/^\d+$/), mimeType: 'image/png', fileName: 'pixel.png', fileSize: PNG.length, kind: 'image', phoneNumberId: SEED.phoneNumberId });
		const [logged] = await bed.accepted('/media');
		expect(logged).toMatchObject({ method: 'POST', path: expect.stringContaining(`/${SEED.phoneNumberId}/media`) });
		expect(logged.body).toEqual({
			fields: { messaging_product: 'whatsapp', type: 'image/png' },
			files: [{ field: 'file', filename: 'pixel.png', mimeType: 'image/png', size: PNG.length }],
		});
	});

	test('uploads a PDF from a named binary field under a chosen file name', async () => {
		const json = await upload(fileItem(PDF, 'application/pdf', 'x.pdf', 'invoice'), { binaryPropertyName: 'invoice', uploadOptions: { fileName: 'invoice-1042.pdf' } });
		expect(json).toMatchObject({ mimeType: 'application/pdf', fileName: 'invoice-1042.pdf', fileSize: PDF.length, kind: 'document' });
		const [logged] = await bed.accepted('/media');
		expect((logged.body as { files: unknown[] }).files).toEqual([{ field: 'file', filename: 'invoice-1042.pdf', mimeType: 'application/pdf', size: PDF.length }]);
	});

	test('a generic MIME type can be corrected in the options', async () => {
		const json = await upload(fileItem(PDF, 'application/octet-stream', 'report'), { uploadOptions: { mimeType: 'application/pdf' } });
		expect(json).toMatchObject({ mimeType: 'application/pdf', fileName: 'report' });
	});

	test('an unsupported type is refused before any request, naming the supported ones', async () => {
		await expect(upload(fileItem(Buffer.from('GIF89a....'), 'image/gif', 'funny.gif'))).rejects.toMatchObject({
			message: expect.stringContaining('image/gif'),
			description: expect.stringMatching(/png \(image\/png\)/),
		});
		expect(await bed.accepted('/media')).toHaveLength(0);
	});

	test('a file over its size limit is refused before any request (WebP sticker > 500 KB)', async () => {
		await expect(upload(fileItem(Buffer.alloc(600 * 1024, 1), 'image/webp', 'sticker.webp'))).rejects.toMatchObject({
			message: expect.stringMatching(/600 KB.*500 KB/),
		});
		expect(await bed.accepted('/media')).toHaveLength(0);
	});

	test('"Will Be Sent As" refuses a WebP meant as an image, and a missing binary field is named', async () => {
		const result = await bed.run(
			{ resource: 'media', operation: 'upload', uploadOptions: { mediaKind: 'image' } },
			[fileItem(Buffer.alloc(10, 1), 'image/webp', 'a.webp'), { json: {} }],
			{ continueOnFail: true },
		);
		expect(result.items[0].json.error).toMatchObject({ message: expect.stringMatching(/stickers/) });
		expect(String((result.items[1].json.error as { message: string }).message)).toMatch(/data/);
		expect(await bed.accepted('/media')).toHaveLength(0);
	});
});

describe('Media › Download', () => {
	test('returns the FILE as binary data, byte for byte, with its details and a verified checksum', async () => {
		const { mediaId } = await upload(fileItem(PNG, 'image/png', 'pixel.png'));
		const item = await download(String(mediaId));
		expect(item.json).toEqual({
			mediaId,
			mimeType: 'image/png',
			sha256: createHash('sha256').update(PNG).digest('hex'),
			checksumVerified: true,
			fileSize: PNG.length,
			fileName: `${mediaId}.png`,
		});
		expect(item.binary?.data).toMatchObject({ mimeType: 'image/png', fileName: `${mediaId}.png`, fileExtension: 'png' });
		expect((await binaryBuffer(item.binary!.data)).equals(PNG)).toBe(true);
		// The lookaside URL was fetched with the credential (the emulator answers 401 otherwise).
		expect((await bed.accepted('/whatsapp_business/attachments')).length).toBe(1);
	});

	test('a PDF lands in the chosen binary field under the chosen name', async () => {
		const { mediaId } = await upload(fileItem(PDF, 'application/pdf', 'invoice.pdf'));
		const item = await download(String(mediaId), { binaryPropertyName: 'invoice', downloadOptions: { fileName: 'invoice-1042.pdf' } });
		expect(item.binary?.invoice).toMatchObject({ mimeType: 'application/pdf', fileName: 'invoice-1042.pdf' });
		expect((await binaryBuffer(item.binary!.invoice)).equals(PDF)).toBe(true);
	});

	test('a base64 sha256 is accepted too (Meta does not say which it uses)', async () => {
		const { mediaId } = await upload(fileItem(PNG, 'image/png', 'pixel.png'));
		bed.emulator.state.media.get(String(mediaId))!.sha256 = createHash('sha256').update(PNG).digest('base64');
		expect((await download(String(mediaId))).json.checksumVerified).toBe(true);
	});

	test('a file that does not match its checksum is an error that says so', async () => {
		const { mediaId } = await upload(fileItem(PDF, 'application/pdf', 'invoice.pdf'));
		bed.emulator.state.media.get(String(mediaId))!.data = PDF.subarray(0, 20); // cut off on the way
		await expect(download(String(mediaId))).rejects.toMatchObject({ message: expect.stringMatching(/does not match WhatsApp's checksum/) });
	});

	test('an unknown media ID comes back as Meta error 100 with advice about media IDs', async () => {
		const result = await bed.run({ resource: 'media', operation: 'download', mediaId: '999999999' }, undefined, { continueOnFail: true });
		expect(result.items[0].json.error).toMatchObject({ code: 100, retryable: false, advice: expect.stringMatching(/expired.*30 days/) });
		expect(result.items[0].binary).toBeUndefined();
	});
});

describe('Media › Delete', () => {
	test('deletes an uploaded file; afterwards it can no longer be downloaded', async () => {
		const { mediaId } = await upload(fileItem(PNG, 'image/png', 'pixel.png'));
		const result = await bed.run({ resource: 'media', operation: 'delete', mediaId: String(mediaId) });
		expect(result.items[0].json).toEqual({ success: true, mediaId });
		expect(bed.emulator.state.media.has(String(mediaId))).toBe(false);
		await expect(download(String(mediaId))).rejects.toMatchObject({ message: expect.stringMatching(/WhatsApp error 100/) });
	});

	test('an empty media ID is refused before any request', async () => {
		await expect(bed.run({ resource: 'media', operation: 'delete', mediaId: '  ' })).rejects.toMatchObject({ message: expect.stringMatching(/Media ID is empty/) });
		expect(await bed.accepted()).toHaveLength(0);
	});
});

describe('Media on 360dialog (docs/360dialog.md: /media, same bodies, D360-API-KEY)', () => {
	test('upload, download back as the same bytes, and delete', async () => {
		const uploaded = await upload(fileItem(PDF, 'application/pdf', 'invoice.pdf'), {}, 'dialog360');
		expect(uploaded).toMatchObject({ mimeType: 'application/pdf', fileName: 'invoice.pdf', fileSize: PDF.length });
		expect(uploaded.phoneNumberId).toBeUndefined();
		const [logged] = await bed.accepted('/media');
		expect(logged.path).toBe('/media');
		const item = await download(String(uploaded.mediaId), {}, 'dialog360');
		expect((await binaryBuffer(item.binary!.data)).equals(PDF)).toBe(true);
		expect(item.json.checksumVerified).toBe(true);
		const deleted = await bed.run({ authentication: 'dialog360', resource: 'media', operation: 'delete', mediaId: String(uploaded.mediaId) });
		expect(deleted.items[0].json).toEqual({ success: true, mediaId: uploaded.mediaId });
	});
});
