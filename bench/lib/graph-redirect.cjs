/**
 * Preloaded into n8n (NODE_OPTIONS="--require <this file>") by the benchmark so that n8n's built-in
 * WhatsApp node, whose Graph URL is hard-coded (https://graph.facebook.com/v13.0/), reaches the
 * local emulator instead, without root rights and without touching /etc/hosts or port 443:
 *
 *   WHATSAPP_BENCH_REDIRECT="graph.facebook.com=127.0.0.1:8443"
 *
 * - dns.lookup (callback and promise forms) answers 127.0.0.1 for the listed host names;
 * - tls.connect to a listed name on port 443 goes to the given address and port instead, still
 *   asking for (SNI) and verifying the original name, so the emulator's certificate must be valid
 *   for it and trusted: NODE_EXTRA_CA_CERTS=<the emulator's certificate file>.
 * Every other host is left alone. Plain CommonJS with Node built-ins only: it runs before n8n loads.
 */
'use strict';
const dns = require('node:dns');
const tls = require('node:tls');

/** host name → { address, port } from WHATSAPP_BENCH_REDIRECT (comma-separated name=address:port). */
const redirects = new Map();
for (const rule of (process.env.WHATSAPP_BENCH_REDIRECT || '').split(',').filter(Boolean)) {
	const match = /^([^=]+)=([^:]+):(\d+)$/.exec(rule.trim());
	if (!match) throw new Error(`WHATSAPP_BENCH_REDIRECT: "${rule}" is not host=address:port`);
	redirects.set(match[1].toLowerCase(), { address: match[2], port: Number(match[3]) });
}

function redirectOf(hostname) {
	return typeof hostname === 'string' ? redirects.get(hostname.toLowerCase()) : undefined;
}

const originalLookup = dns.lookup;
dns.lookup = function lookup(hostname, options, callback) {
	const target = redirectOf(hostname);
	if (!target) return originalLookup.apply(this, arguments);
	const done = typeof options === 'function' ? options : callback;
	const all = typeof options === 'object' && options !== null && options.all;
	process.nextTick(() => (all ? done(null, [{ address: target.address, family: 4 }]) : done(null, target.address, 4)));
	return {};
};

const originalPromiseLookup = dns.promises.lookup;
dns.promises.lookup = async function lookup(hostname, options) {
	const target = redirectOf(hostname);
	if (!target) return originalPromiseLookup.apply(this, arguments);
	const answer = { address: target.address, family: 4 };
	return options && options.all ? [answer] : answer;
};

const originalConnect = tls.connect;
tls.connect = function connect(...args) {
	// tls.connect(options[, cb]) or tls.connect(port[, host][, options][, cb]); agents use the first form.
	let options;
	let rest;
	if (typeof args[0] === 'object' && args[0] !== null) {
		options = args[0];
		rest = args.slice(1);
	} else if (typeof args[0] === 'number' || typeof args[0] === 'string') {
		const host = typeof args[1] === 'string' ? args[1] : undefined;
		const extra = args.find((arg, index) => index > 0 && typeof arg === 'object' && arg !== null) || {};
		options = { ...extra, port: Number(args[0]), ...(host ? { host } : {}) };
		rest = args.filter((arg) => typeof arg === 'function');
	}
	const name = options && (options.servername || options.host);
	const target = options && redirectOf(name);
	if (!target || Number(options.port || 443) !== 443) return originalConnect.apply(this, args);
	return originalConnect.call(this, { ...options, host: target.address, port: target.port, servername: name, lookup: undefined }, ...rest);
};
