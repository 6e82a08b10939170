import { alreadySentKeyIn, alreadySentTrackingData, checkAlreadySentKey, splitTrackingData, trackingDataWithKey } from '../../../nodes/shared/whatsapp/messages';
import { stopsBatch } from '../../../nodes/shared/whatsapp/errors';
import { WhatsAppValidationError } from '../../../nodes/shared/whatsapp/validationError';

describe('Already Sent Key in the tracking data (biz_opaque_callback_data)', () => {
	test('tracking data led by a Send and Wait token: the token alone, or the token, a | and the item\'s own tracking data; split back the same way', () => {
		expect(trackingDataWithKey('ORDER-1042')).toBe('ORDER-1042');
		expect(trackingDataWithKey('ORDER-1042', ' spring|campaign ')).toBe('ORDER-1042|spring|campaign');
		expect(splitTrackingData('ORDER-1042|spring|campaign')).toEqual({ key: 'ORDER-1042', trackingData: 'spring|campaign' });
		expect(splitTrackingData('ORDER-1042')).toEqual({ key: 'ORDER-1042' });
	});

	test('a message sent with an Already Sent Key always has the | after the key, so a status of another message whose own tracking data is the same text is not taken for it', () => {
		expect(alreadySentTrackingData('ORDER-1042')).toBe('ORDER-1042|');
		expect(alreadySentTrackingData('ORDER-1042', ' spring ')).toBe('ORDER-1042|spring');
		expect(alreadySentKeyIn('ORDER-1042|')).toBe('ORDER-1042');
		expect(alreadySentKeyIn('ORDER-1042|spring|campaign')).toBe('ORDER-1042');
		expect(alreadySentKeyIn('ORDER-1042')).toBeUndefined();
		expect(alreadySentKeyIn('|spring')).toBeUndefined();
	});

	test('numbers are keys too; empty keys, keys with | and keys that overflow 512 characters with the tracking data are refused with the fix', () => {
		expect(checkAlreadySentKey(1042)).toBe('1042');
		expect(checkAlreadySentKey('  A-1 ')).toBe('A-1');
		expect(() => checkAlreadySentKey('')).toThrow(WhatsAppValidationError);
		expect(() => checkAlreadySentKey(undefined)).toThrow(/empty/);
		expect(() => checkAlreadySentKey('A|B')).toThrow(/contains "\|"/);
		expect(() => checkAlreadySentKey('K'.repeat(257))).toThrow(/at most 512 \(the key at most 256\)/);
		expect(() => checkAlreadySentKey('K'.repeat(200), 'T'.repeat(400))).toThrow(/601 characters long/);
		expect(() => checkAlreadySentKey('K'.repeat(256), 'T'.repeat(255))).not.toThrow();
		expect(() => checkAlreadySentKey('K'.repeat(256), 'T'.repeat(256))).toThrow(/513 characters long/);
	});
});

describe('errors that stop a batch', () => {
	test('an expired token (190, 0) or a missing permission stops it; a refusal of one message does not', () => {
		expect([190, 0, 10, 200, 131005].map((code) => stopsBatch({ code }))).toEqual([true, true, true, true, true]);
		expect([131026, 130429, 131000, 132001, 100].map((code) => stopsBatch({ code }))).toEqual([false, false, false, false, false]);
	});
});
