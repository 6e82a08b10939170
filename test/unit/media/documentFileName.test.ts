/** B1: a document sent without a file name reaches the customer as "Untitled"; the name is derived instead. */
import { documentFileName, fileNameForMimeType, fileNameFromLink } from '../../../nodes/shared/whatsapp/media/documentFileName';
import { buildMediaMessage } from '../../../nodes/shared/whatsapp/messages';

describe('a document without a file name is named after its link, else its type', () => {
	it.each([
		['https://cdn.example.com/invoices/invoice-1042.pdf', 'invoice-1042.pdf'],
		['https://cdn.example.com/labels/label-860198.pdf?X-Amz-Signature=abc&X-Amz-Expires=300', 'label-860198.pdf'],
		['https://example.com/files/Rechnung%20M%C3%A4rz.pdf#page=2', 'Rechnung März.pdf'],
		['https://www.dropbox.com/s/abc123/Price%20list.xlsx?dl=1', 'Price list.xlsx'],
	])('%s → %s', (link, name) => {
		expect(fileNameFromLink(link)).toBe(name);
	});

	it.each([
		'https://drive.google.com/uc?export=download&id=1AbC',
		'https://api.example.com/invoices/1042/pdf',
		'https://example.com/files/',
		'not a link',
	])('no file name in %s', (link) => {
		expect(fileNameFromLink(link)).toBeUndefined();
	});

	it('from the MIME type when the link names no file; nothing for a generic type', () => {
		expect(fileNameForMimeType('application/pdf')).toBe('document.pdf');
		expect(fileNameForMimeType('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; charset=binary')).toBe('document.xlsx');
		expect(fileNameForMimeType('application/octet-stream')).toBeUndefined();
		expect(fileNameForMimeType(undefined)).toBeUndefined();
	});

	it('a given name wins; then the link; then the type', () => {
		expect(documentFileName({ filename: 'Your invoice.pdf', link: 'https://x.example/a.pdf', mimeType: 'text/plain' })).toBe('Your invoice.pdf');
		expect(documentFileName({ filename: '  ', link: 'https://x.example/a.pdf', mimeType: 'text/plain' })).toBe('a.pdf');
		expect(documentFileName({ link: 'https://x.example/download?id=3', mimeType: 'text/plain' })).toBe('document.txt');
	});

	it('Send Media by link (the chatwoot case): the document carries the link\'s file name, caption kept', () => {
		const message = buildMediaMessage({
			to: '15550001234',
			mediaType: 'document',
			link: 'https://cdn.example.com/invoices/invoice-1042.pdf',
			caption: 'Your invoice',
			filename: '',
		});
		expect(message).toMatchObject({ type: 'document', document: { link: 'https://cdn.example.com/invoices/invoice-1042.pdf', caption: 'Your invoice', filename: 'invoice-1042.pdf' } });
	});

	it('a media ID with its known MIME type is named after the type; images never get a file name', () => {
		expect(buildMediaMessage({ to: '15550001234', mediaType: 'document', mediaId: '1037', mimeType: 'application/pdf' })).toMatchObject({ document: { id: '1037', filename: 'document.pdf' } });
		const image = buildMediaMessage({ to: '15550001234', mediaType: 'image', link: 'https://cdn.example.com/cactus.jpg' }) as { image: object };
		expect(image.image).toEqual({ link: 'https://cdn.example.com/cactus.jpg' });
	});
});
