/**
 * Uploads (Zendesk Support API v2 "Ticket Attachments › Upload Files"): the raw bytes in the body,
 * `?filename=` required, the real MIME type in `Content-Type`, `&token=` to add a file to an
 * earlier upload. Answer 201 `{upload:{token, expires_at, attachment, attachments}}`. A token lives
 * `uploadTokenTtlSeconds` (60 minutes) and is used up by the comment that attaches it.
 * `content_url` serves the bytes back without authentication, as Zendesk's signed URLs do.
 */
import { randomBytes } from 'node:crypto';
import { json, type FakeRequest, type FakeResponse } from '../common/http';
import { isoSeconds } from '../common/util';
import { authenticate } from './auth';
import { fail, invalid, notFound, presentAttachment } from './present';
import type { ZendeskAttachment, ZendeskUpload } from './state';
import type { ZendeskContext } from './users';

export function uploadFile(context: ZendeskContext, request: FakeRequest): FakeResponse {
	authenticate(context.state, request);
	const filename = request.query.get('filename');
	if (!filename) fail(400, 'InvalidParameter', 'The filename parameter is required.');
	const token = request.query.get('token');
	let upload: ZendeskUpload | undefined;
	if (token) {
		upload = context.state.uploads.get(token);
		if (!upload || upload.used || upload.expiresAt <= request.now) invalid('token', `Token: ${token} is invalid or expired`, 'InvalidValue');
	} else {
		upload = { token: randomBytes(12).toString('base64url'), attachments: [], expiresAt: request.now + context.config.uploadTokenTtlSeconds * 1000, used: false };
		context.state.uploads.set(upload.token, upload);
	}
	const attachment: ZendeskAttachment = {
		id: context.state.nextId('attachment'),
		file_name: filename,
		content_type: String(request.headers['content-type'] ?? 'application/binary').split(';')[0],
		size: request.body.length,
		urlToken: randomBytes(16).toString('base64url'),
		bytes: request.body,
	};
	upload.attachments.push(attachment);
	context.state.attachments.set(attachment.id, attachment);
	const url = context.url();
	return json(201, { upload: { token: upload.token, expires_at: isoSeconds(upload.expiresAt), attachment: presentAttachment(attachment, url), attachments: upload.attachments.map((item) => presentAttachment(item, url)) } });
}

/**
 * The attachments behind the upload tokens of a comment; the tokens are used up. An unknown,
 * expired or used token is skipped (`invalidUploadToken: 'ignore'`) or answers 422.
 */
export function takeUploads(context: ZendeskContext, tokens: unknown, now: number): ZendeskAttachment[] {
	if (tokens === undefined) return [];
	if (!Array.isArray(tokens)) invalid('uploads', 'Uploads: must be an array of tokens', 'InvalidValue');
	const attachments: ZendeskAttachment[] = [];
	const uploads: ZendeskUpload[] = [];
	for (const token of tokens) {
		const upload = context.state.uploads.get(String(token));
		if (!upload || upload.used || upload.expiresAt <= now) {
			if (context.config.invalidUploadToken === 'reject') invalid('uploads', `Uploads: ${String(token)} is invalid or expired`, 'InvalidValue');
			continue;
		}
		uploads.push(upload);
	}
	for (const upload of uploads) {
		upload.used = true;
		attachments.push(...upload.attachments);
	}
	return attachments;
}

export function showAttachment(context: ZendeskContext, request: FakeRequest): FakeResponse {
	authenticate(context.state, request);
	const attachment = context.state.attachments.get(Number(request.params.id));
	if (!attachment) notFound();
	return json(200, { attachment: presentAttachment(attachment, context.url()) });
}

export function attachmentContent(context: ZendeskContext, request: FakeRequest): FakeResponse {
	const attachment = [...context.state.attachments.values()].find((item) => item.urlToken === request.params.token);
	if (!attachment) return { status: 404, text: 'Not Found' };
	return { status: 200, bytes: attachment.bytes, headers: { 'Content-Type': attachment.content_type, 'Content-Disposition': `attachment; filename="${encodeURIComponent(attachment.file_name)}"` } };
}
