import { connectionFromCredentials, graphApiVersion, graphHost, WhatsAppConfigurationError } from '../../../nodes/shared/transport';

describe('Minor 7: the credential Base URL and Graph API Version are read as the user meant them', () => {
	test('the Graph API Version is written as Meta does, whatever form it was typed in', () => {
		for (const typed of ['v24.0', '24.0', '24', 'V24.0', ' /v24.0/ ', 'v24']) expect(graphApiVersion(typed)).toBe('v24.0');
		expect(graphApiVersion('v23.1')).toBe('v23.1');
		expect(graphApiVersion('')).toBe('v24.0');
		expect(graphApiVersion(undefined)).toBe('v24.0');
	});

	test('a Graph API Version that is not a version is refused with the fix', () => {
		expect(() => graphApiVersion('latest')).toThrow(WhatsAppConfigurationError);
		try {
			graphApiVersion('latest');
		} catch (error) {
			expect((error as WhatsAppConfigurationError).fix).toMatch(/v24\.0/);
		}
	});

	test('trailing slashes and a version typed at the end of the Base URL are dropped', () => {
		expect(graphHost('https://graph.facebook.com/v24.0/')).toBe('https://graph.facebook.com');
		expect(graphHost('https://graph.facebook.com//')).toBe('https://graph.facebook.com');
		expect(graphHost(' http://127.0.0.1:8089/v23.0 ')).toBe('http://127.0.0.1:8089');
		expect(graphHost('')).toBe('https://graph.facebook.com');
		expect(graphHost('https://proxy.example.com/graph')).toBe('https://proxy.example.com/graph');
	});

	test('every path carries the version once', () => {
		const connection = connectionFromCredentials('cloudApi', { baseUrl: 'http://127.0.0.1:8089/v24.0/', graphApiVersion: '24.0', phoneNumberId: ' 123 ' });
		expect(connection.apiRoot).toBe('http://127.0.0.1:8089/v24.0');
		expect(connection.host).toBe('http://127.0.0.1:8089');
		expect(connection.phoneNumberId).toBe('123');
	});

	test('a 360dialog Base URL typed with /v1 or a trailing slash is the host', () => {
		expect(connectionFromCredentials('dialog360', { apiKey: 'k', baseUrl: 'https://waba-v2.360dialog.io/v1/' }).apiRoot).toBe('https://waba-v2.360dialog.io');
	});
});
