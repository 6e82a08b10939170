/**
 * Meta's Phone numbers page: fields that describe a number's health. Asked for explicitly: the default fields leave out
 * status, name_status and the messaging limit.
 */
export const HEALTH_FIELDS = [
	'id',
	'display_phone_number',
	'verified_name',
	'status',
	'quality_rating',
	'name_status',
	'code_verification_status',
	'platform_type',
	'throughput',
	'whatsapp_business_manager_messaging_limit',
	'messaging_limit_tier',
].join(',');
