/**
 * A stand-in for the customer's own file server, where media sent by link lives: GET or HEAD
 * /__emulator/files/{any path}?type={MIME type} answers a small sample file of that type (by the
 * path's extension when `type` is missing, else application/octet-stream). Lets tests and demos
 * send documents by links with and without a file name in the path.
 */
import type { ServerResponse } from 'node:http';
import { sampleMediaBytes } from '../state/sample-media';

export const HOSTED_FILES_PREFIX = '/__emulator/files/';

const TYPE_BY_EXTENSION: Record<string, string> = {
	pdf: 'application/pdf',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	txt: 'text/plain',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	mp4: 'video/mp4',
};

export function serveHostedFile(res: ServerResponse, url: URL, method: string): void {
	if (method !== 'GET' && method !== 'HEAD') {
		res.writeHead(405, { Allow: 'GET, HEAD' });
		res.end();
		return;
	}
	const extension = /\.([A-Za-z0-9]+)$/.exec(url.pathname)?.[1]?.toLowerCase() ?? '';
	const contentType = url.searchParams.get('type') ?? TYPE_BY_EXTENSION[extension] ?? 'application/octet-stream';
	const data = sampleMediaBytes(contentType, 'hosted file');
	res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': data.length });
	res.end(method === 'HEAD' ? undefined : data);
}
