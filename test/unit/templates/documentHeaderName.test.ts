/** B1 for templates: a document header sent by link without a file name is named after the link. */
import { buildTemplateComponents } from '../../../nodes/shared/whatsapp/templates';
import { orderReceiptDocument } from './fixtures';

describe('template document header without a file name', () => {
	it('gets the file name of its link (the shipping label case)', () => {
		const [header] = buildTemplateComponents(orderReceiptDocument, { header: 'https://cdn.example.com/labels/label-860198.pdf', body_1: 'Ann', body_2: '860198' });
		expect(header).toEqual({ type: 'header', parameters: [{ type: 'document', document: { link: 'https://cdn.example.com/labels/label-860198.pdf', filename: 'label-860198.pdf' } }] });
	});

	it('keeps the file name the user gave', () => {
		const [header] = buildTemplateComponents(orderReceiptDocument, { header: 'https://cdn.example.com/labels/label-860198.pdf', header_filename: 'Label.pdf', body_1: 'Ann', body_2: '860198' });
		expect(header).toMatchObject({ parameters: [{ document: { filename: 'Label.pdf' } }] });
	});

	it('by media ID the core cannot tell a name (the node asks WhatsApp for the type)', () => {
		const [header] = buildTemplateComponents(orderReceiptDocument, { header: '1037', body_1: 'Ann', body_2: '860198' });
		expect(header).toEqual({ type: 'header', parameters: [{ type: 'document', document: { id: '1037' } }] });
	});
});
