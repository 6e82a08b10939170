import { buildTemplateComponents } from '../../../nodes/shared/whatsapp/templates';
import {
	couponCode, flowOffer, helloWorld, limitedTimeOffer, orderConfirmationNamed, orderDeliveryLocation,
	orderReceiptDocument, productDemoVideo, succulentCarousel, tuscanGetawayImage, verificationCode,
} from './fixtures';

describe('buildTemplateComponents', () => {
	it('sends NAMED header and body parameters with parameter_name, and the URL suffix (Meta: Template components)', () => {
		const components = buildTemplateComponents(orderConfirmationNamed, {
			header: '860198',
			body_first_name: 'Jessica',
			body_order_number: 'SKBUP2-4CPIG9',
			button_1_url: '860198',
		});
		expect(components).toEqual([
			{ type: 'header', parameters: [{ type: 'text', parameter_name: 'order_number', text: '860198' }] },
			{ type: 'body', parameters: [
				{ type: 'text', parameter_name: 'first_name', text: 'Jessica' },
				{ type: 'text', parameter_name: 'order_number', text: 'SKBUP2-4CPIG9' },
			] },
			{ type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'Cancel order' }] },
			{ type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: '860198' }] },
		]);
	});

	it('sends POSITIONAL values in number order, an image by media ID, and chosen quick-reply payloads', () => {
		const components = buildTemplateComponents(tuscanGetawayImage, {
			header: '1339522734477770',
			body_1: 'Mark',
			body_2: 'Tuscan Getaway package',
			body_3: 800,
			button_0_payload: 'unsubscribe-promos',
			button_1_payload: '',
		});
		expect(components).toEqual([
			{ type: 'header', parameters: [{ type: 'image', image: { id: '1339522734477770' } }] },
			{ type: 'body', parameters: [
				{ type: 'text', text: 'Mark' }, { type: 'text', text: 'Tuscan Getaway package' }, { type: 'text', text: '800' },
			] },
			{ type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'unsubscribe-promos' }] },
			{ type: 'button', sub_type: 'quick_reply', index: '1', parameters: [{ type: 'payload', payload: 'Unsubscribe from All' }] },
		]);
	});

	it('sends a document header by link with its filename; static buttons send nothing', () => {
		expect(buildTemplateComponents(orderReceiptDocument, {
			header: 'https://example.com/r.pdf', header_filename: 'receipt.pdf', body_1: 'Mark', body_2: '860198-230332',
		})).toEqual([
			{ type: 'header', parameters: [{ type: 'document', document: { link: 'https://example.com/r.pdf', filename: 'receipt.pdf' } }] },
			{ type: 'body', parameters: [{ type: 'text', text: 'Mark' }, { type: 'text', text: '860198-230332' }] },
		]);
	});

	it('sends a video header by link', () => {
		expect(buildTemplateComponents(productDemoVideo, { header: 'https://example.com/v.mp4', body_1: 'Mark', body_2: 'Aloe Deluxe' })[0])
			.toEqual({ type: 'header', parameters: [{ type: 'video', video: { link: 'https://example.com/v.mp4' } }] });
	});

	it('sends a location header with the optional name and address only when given', () => {
		const base = { header_latitude: '37.44211676562361', header_longitude: '-122.16155960083124', body_1: 'Mark', body_2: '566701' };
		expect(buildTemplateComponents(orderDeliveryLocation, {
			...base, header_name: 'Philz Coffee', header_address: '101 Forest Ave, Palo Alto, CA 94301',
		})[0]).toEqual({ type: 'header', parameters: [{ type: 'location', location: {
			latitude: '37.44211676562361', longitude: '-122.16155960083124',
			name: 'Philz Coffee', address: '101 Forest Ave, Palo Alto, CA 94301',
		} }] });
		expect(buildTemplateComponents(orderDeliveryLocation, base)[0]).toEqual({ type: 'header', parameters: [{
			type: 'location', location: { latitude: '37.44211676562361', longitude: '-122.16155960083124' },
		}] });
	});

	it('sends the coupon code of a COPY_CODE button (Meta: Template components)', () => {
		expect(buildTemplateComponents(couponCode, { body_1: '25OFF', body_2: '25%', button_0_coupon_code: '25OFF', button_1_url: 'fall25' })).toEqual([
			{ type: 'body', parameters: [{ type: 'text', text: '25OFF' }, { type: 'text', text: '25%' }] },
			{ type: 'button', sub_type: 'copy_code', index: '0', parameters: [{ type: 'coupon_code', coupon_code: '25OFF' }] },
			{ type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: 'fall25' }] },
		]);
	});

	it('sends a flow button with Meta’s default token, or the given token and initial data', () => {
		expect(buildTemplateComponents(flowOffer, {})).toEqual([
			{ type: 'button', sub_type: 'flow', index: '0', parameters: [{ type: 'action', action: { flow_token: 'unused' } }] },
		]);
		expect(buildTemplateComponents(flowOffer, { button_0_flow_token: 'FLOW_TOKEN', button_0_flow_action_data: '{"some":"data"}' })).toEqual([
			{ type: 'button', sub_type: 'flow', index: '0', parameters: [{ type: 'action', action: { flow_token: 'FLOW_TOKEN', flow_action_data: { some: 'data' } } }] },
		]);
	});

	it('sends the OTP twice: body and URL button index 0 (Meta: Authentication templates)', () => {
		expect(buildTemplateComponents(verificationCode, { otp_code: 'J$FpnYnP' })).toEqual([
			{ type: 'body', parameters: [{ type: 'text', text: 'J$FpnYnP' }] },
			{ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'J$FpnYnP' }] },
		]);
	});

	it('sends the offer expiration in milliseconds, from milliseconds or an ISO date (Meta: Limited-time offer templates)', () => {
		const values = { header: '1558081531584829', body_1: 'Pablo', body_2: 'CARIBE25', button_0_coupon_code: 'CARIBE25', button_1_url: 'n3mtql' };
		const fromMs = buildTemplateComponents(limitedTimeOffer, { ...values, lto_expiration: 1698278400000 });
		expect(fromMs).toEqual([
			{ type: 'header', parameters: [{ type: 'image', image: { id: '1558081531584829' } }] },
			{ type: 'body', parameters: [{ type: 'text', text: 'Pablo' }, { type: 'text', text: 'CARIBE25' }] },
			{ type: 'limited_time_offer', parameters: [{ type: 'limited_time_offer', limited_time_offer: { expiration_time_ms: 1698278400000 } }] },
			{ type: 'button', sub_type: 'copy_code', index: '0', parameters: [{ type: 'coupon_code', coupon_code: 'CARIBE25' }] },
			{ type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: 'n3mtql' }] },
		]);
		const fromIso = buildTemplateComponents(limitedTimeOffer, { ...values, lto_expiration: '2023-10-26T00:00:00Z' });
		expect(fromIso[2]).toEqual(fromMs[2]);
	});

	it('sends a carousel component with one entry per card next to the top-level body (Meta: Media card carousel templates)', () => {
		const card = (n: number) => ({
			[`card_${n}_header`]: `155808153158482${n}`, [`card_${n}_body_1`]: '15OFF', [`card_${n}_body_2`]: '15%',
			[`card_${n}_button_1_url`]: `aloe-${n}`,
		});
		const components = buildTemplateComponents(succulentCarousel, { body_1: 'Pablo', ...card(0), ...card(1) });
		expect(components[0]).toEqual({ type: 'body', parameters: [{ type: 'text', text: 'Pablo' }] });
		expect(components[1]).toEqual({ type: 'carousel', cards: [0, 1].map((n) => ({
			card_index: n,
			components: [
				{ type: 'header', parameters: [{ type: 'image', image: { id: `155808153158482${n}` } }] },
				{ type: 'body', parameters: [{ type: 'text', text: '15OFF' }, { type: 'text', text: '15%' }] },
				{ type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'Send more like this' }] },
				{ type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: `aloe-${n}` }] },
			],
		})) });
	});

	it('sends no components for a template without variables, and ignores unknown keys', () => {
		expect(buildTemplateComponents(helloWorld, { body_1: 'stray', something: 'else' })).toEqual([]);
	});
});
