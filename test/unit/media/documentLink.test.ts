import { isWebPageType, webPageLink } from '../../../nodes/shared/whatsapp/media/documentLink';

describe('Minor 5: document links that are web pages, told from the link alone', () => {
	test('share pages of Google Drive, Docs, Sheets, Slides and Dropbox, with the direct link to use', () => {
		expect(webPageLink('https://drive.google.com/file/d/1AbC/view?usp=sharing')).toEqual({ page: 'a Google Drive share page', directLink: 'https://drive.google.com/uc?export=download&id=1AbC' });
		expect(webPageLink('https://drive.google.com/open?id=1AbC')?.directLink).toBe('https://drive.google.com/uc?export=download&id=1AbC');
		expect(webPageLink('https://docs.google.com/spreadsheets/d/1S/edit#gid=0')?.directLink).toBe('https://docs.google.com/spreadsheets/d/1S/export?format=xlsx');
		expect(webPageLink('https://docs.google.com/presentation/d/1P/edit')?.directLink).toBe('https://docs.google.com/presentation/d/1P/export/pdf');
		expect(webPageLink('https://www.dropbox.com/s/abc/Invoice.pdf')?.directLink).toBe('https://www.dropbox.com/s/abc/Invoice.pdf?dl=1');
		expect(webPageLink('https://example.com/terms.html')).toEqual({ page: 'a web page (.html)' });
	});

	test('direct links and ordinary file links are not web pages', () => {
		for (const link of [
			'https://drive.google.com/uc?export=download&id=1AbC',
			'https://docs.google.com/document/d/1XyZ/export?format=pdf',
			'https://www.dropbox.com/s/abc/Invoice.pdf?dl=1',
			'https://www.dropbox.com/s/abc/Invoice.pdf?raw=1',
			'https://cdn.example.com/invoices/invoice-1042.pdf',
			'https://cdn.example.com/download?id=7',
			'not a link',
		]) {
			expect(webPageLink(link)).toBeUndefined();
		}
	});

	test('text/html and XHTML are web page types, with or without parameters; files are not', () => {
		expect(isWebPageType('text/html; charset=utf-8')).toBe(true);
		expect(isWebPageType('application/xhtml+xml')).toBe(true);
		expect(isWebPageType('application/pdf')).toBe(false);
		expect(isWebPageType(undefined)).toBe(false);
	});
});
