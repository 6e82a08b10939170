import { LATITUDE_LIMIT, LONGITUDE_LIMIT } from './limits';
import { WhatsAppValidationError } from '../validationError';
import { buildEnvelope, NO_LENGTH_LIMIT, optionalText, type CommonMessageOptions } from './common';
import type { LocationMessageBody } from './types';

export interface LocationMessageInput extends CommonMessageOptions {
	/** Decimal degrees, as a number or a numeric string. */
	latitude: number | string;
	longitude: number | string;
	name?: string;
	address?: string;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function coordinate(value: number | string, limit: number, field: string, label: string): string {
	const text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	const number = Number(text);
	if (!DECIMAL.test(text) || !Number.isFinite(number)) {
		throw new WhatsAppValidationError(
			`The ${label} "${text}" is not a number.`,
			field,
			`Enter the ${label} in decimal degrees, e.g. 37.4421 (use a dot, not a comma).`,
		);
	}
	if (Math.abs(number) > limit) {
		throw new WhatsAppValidationError(
			`The ${label} ${text} is out of range.`,
			field,
			`Use a ${label} between -${limit} and ${limit}; check that latitude and longitude are not swapped.`,
		);
	}
	// Meta's examples send strings (Meta: Location messages); a string also keeps every digit the user gave.
	return text;
}

/** Meta's Location messages page: location message. */
export function buildLocationMessage(input: LocationMessageInput): LocationMessageBody {
	const location: LocationMessageBody['location'] = {
		latitude: coordinate(input.latitude, LATITUDE_LIMIT, 'latitude', 'latitude'),
		longitude: coordinate(input.longitude, LONGITUDE_LIMIT, 'longitude', 'longitude'),
	};
	const name = optionalText(input.name, NO_LENGTH_LIMIT, 'name', 'The place name');
	const address = optionalText(input.address, NO_LENGTH_LIMIT, 'address', 'The address');
	if (name !== undefined) location.name = name;
	if (address !== undefined) location.address = address;
	return { ...buildEnvelope(input), type: 'location', location };
}
