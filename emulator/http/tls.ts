/**
 * The emulator's HTTPS side (config.tls): a self-signed certificate made at start, valid for the
 * names clients will ask for, so a client whose Graph host is hard-coded (n8n's built-in WhatsApp
 * node calls https://graph.facebook.com/v13.0/) can be pointed here by resolving that name to
 * 127.0.0.1 and trusting this certificate (NODE_EXTRA_CA_CERTS). See bench/README.md.
 */
import { isIP } from 'node:net';
import { generate } from 'selfsigned';
import type { TlsOptions } from '../config';

export const DEFAULT_TLS_HOSTNAMES = ['graph.facebook.com', 'localhost', '127.0.0.1'];

export interface TlsMaterial {
	/** PEM private key: stays in the emulator. */
	key: string;
	/** PEM certificate: give it to clients as their trusted CA. */
	cert: string;
}

/**
 * The configured key and certificate, or a new self-signed pair (P-256 ECDSA: handshakes cost a
 * fraction of RSA's) valid for `hostnames` for 30 days. Takes about 40 ms.
 */
export async function tlsMaterial(options: TlsOptions): Promise<TlsMaterial> {
	if (options.key && options.cert) return { key: options.key, cert: options.cert };
	const hostnames = options.hostnames?.length ? options.hostnames : DEFAULT_TLS_HOSTNAMES;
	const notBeforeDate = new Date(Date.now() - 60_000);
	const altNames = hostnames.map((name) => (isIP(name) ? { type: 7 as const, ip: name } : { type: 2 as const, value: name }));
	const pems = await generate([{ name: 'commonName', value: hostnames[0] }], {
		keyType: 'ec',
		algorithm: 'sha256',
		notBeforeDate,
		notAfterDate: new Date(notBeforeDate.getTime() + 30 * 24 * 60 * 60 * 1000),
		extensions: [
			// A self-signed certificate that clients add to their trusted CAs must be allowed to act as one.
			{ name: 'basicConstraints', cA: true },
			{ name: 'keyUsage', digitalSignature: true, keyCertSign: true },
			{ name: 'extKeyUsage', serverAuth: true },
			{ name: 'subjectAltName', altNames },
		],
	});
	return { key: pems.private, cert: pems.cert };
}
