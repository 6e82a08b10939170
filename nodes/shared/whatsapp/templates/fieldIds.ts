/**
 * The stable ids of template parameter fields. They are the keys of the values record, so they
 * must stay readable and never change: `header`, `body_1`, `body_first_name`, `button_1_url`,
 * `lto_expiration`, `otp_code`; carousel fields add a `card_<n>_` prefix.
 */

export type LocationPart = 'latitude' | 'longitude' | 'name' | 'address';
export type ButtonPart = 'payload' | 'url' | 'coupon_code' | 'flow_token' | 'flow_action_data';

export const OTP_CODE_FIELD = 'otp_code';
export const LTO_EXPIRATION_FIELD = 'lto_expiration';

export const cardPrefix = (cardIndex: number | undefined): string =>
	cardIndex === undefined ? '' : `card_${cardIndex}_`;

export const headerFieldId = (prefix = ''): string => `${prefix}header`;
export const headerFilenameFieldId = (prefix = ''): string => `${prefix}header_filename`;
export const headerLocationFieldId = (part: LocationPart, prefix = ''): string =>
	`${prefix}header_${part}`;
export const bodyFieldId = (key: string, prefix = ''): string => `${prefix}body_${key}`;
export const buttonFieldId = (buttonIndex: number, part: ButtonPart, prefix = ''): string =>
	`${prefix}button_${buttonIndex}_${part}`;
