import {
	baseMimeType,
	checkMediaFile,
	fileExtensionFor,
	formatBytes,
	mediaTypeRule,
	SUPPORTED_MEDIA_TYPES,
} from '../../../nodes/shared/whatsapp/media/fileTypes';
import { expectValidationError } from '../../harness/expectValidationError';

const MB = 1024 * 1024;

describe('checkMediaFile (Meta: Media)', () => {
	test.each([
		['image/png', 'image', 5 * MB],
		['image/jpeg', 'image', 5 * MB],
		['application/pdf', 'document', 100 * MB],
		['video/mp4', 'video', 16 * MB],
		['audio/ogg', 'audio', 16 * MB],
		['image/webp', 'sticker', 500 * 1024],
	])('accepts %s as %s up to exactly its limit', (mimeType, kind, maxBytes) => {
		expect(checkMediaFile({ mimeType, sizeBytes: maxBytes })).toMatchObject({ mimeType, kind, maxBytes });
		expect(checkMediaFile({ mimeType, sizeBytes: 1, kind: kind as never }).kind).toBe(kind);
	});

	test('a file one byte over its limit is refused with the limit and how to fix it', () => {
		const error = expectValidationError(() => checkMediaFile({ mimeType: 'image/png', sizeBytes: 5 * MB + 1 }), 'file', /smaller than 5 MB/);
		expect(error.message).toMatch(/5 MB/);
	});

	test('the size note tells what else Meta asks (MP4 codecs)', () => {
		expectValidationError(() => checkMediaFile({ mimeType: 'video/mp4', sizeBytes: 17 * MB }), 'file', /H\.264/);
	});

	test('an unsupported type is refused and the supported ones are listed', () => {
		const error = expectValidationError(() => checkMediaFile({ mimeType: 'image/gif', sizeBytes: 10 }), 'mimeType', /png \(image\/png\)/);
		expect(error.message).toContain('image/gif');
	});

	test('an empty file is refused', () => {
		expectValidationError(() => checkMediaFile({ mimeType: 'application/pdf', sizeBytes: 0 }), 'file', /0 bytes/);
	});

	test('WebP cannot be sent as an image: only as a sticker', () => {
		const error = expectValidationError(() => checkMediaFile({ mimeType: 'image/webp', sizeBytes: 10, kind: 'image' }), 'mimeType', /image\/png/);
		expect(error.message).toMatch(/only be sent as stickers/);
	});

	test('a PDF cannot be sent as a video; the fix lists the video types', () => {
		expectValidationError(() => checkMediaFile({ mimeType: 'application/pdf', sizeBytes: 10, kind: 'video' }), 'mimeType', /video\/mp4/);
	});

	test('MIME parameters, case and common aliases are normalised to the type Meta expects', () => {
		expect(checkMediaFile({ mimeType: 'Audio/OGG; codecs=opus', sizeBytes: 10 }).mimeType).toBe('audio/ogg');
		expect(checkMediaFile({ mimeType: 'image/jpg', sizeBytes: 10 }).mimeType).toBe('image/jpeg');
		expect(baseMimeType(' text/plain; charset=utf-8 ')).toBe('text/plain');
	});

	test('every supported type has a distinct MIME type and a positive limit', () => {
		const mimes = SUPPORTED_MEDIA_TYPES.map((entry) => entry.mimeType);
		expect(new Set(mimes).size).toBe(mimes.length);
		expect(mimes).toHaveLength(18);
		for (const entry of SUPPORTED_MEDIA_TYPES) expect(entry.maxBytes).toBeGreaterThan(0);
		expect(mediaTypeRule('application/zip')).toBeUndefined();
	});
});

describe('fileExtensionFor', () => {
	test.each([
		['image/png', 'png'],
		['image/jpeg', 'jpg'],
		['application/pdf', 'pdf'],
		['audio/ogg; codecs=opus', 'ogg'],
		['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
		['video/quicktime', 'mov'],
		['audio/x-flac', 'flac'],
		['application/vnd.weird+thing', 'bin'],
		['', 'bin'],
	])('%s → .%s', (mimeType, extension) => {
		expect(fileExtensionFor(mimeType)).toBe(extension);
	});
});

test('formatBytes writes sizes as people read them', () => {
	expect(formatBytes(37)).toBe('37 bytes');
	expect(formatBytes(500 * 1024)).toBe('500 KB');
	expect(formatBytes(Math.round(2.5 * MB))).toBe('2.5 MB');
});
