/** Input for creating a template (Meta: Templates overview), shaped for a form: flat, camelCase, every part optional. */

export interface TemplateCreateButton {
	/** QUICK_REPLY | URL | PHONE_NUMBER | COPY_CODE | FLOW | OTP (any case). */
	type: string;
	/** The label (max 25 characters); COPY_CODE buttons have a fixed label. */
	text?: string;
	/** URL buttons: may end with {{1}}. */
	url?: string;
	/** URL buttons with {{1}}: a sample suffix. COPY_CODE buttons: a sample code (max 15). */
	example?: string;
	phoneNumber?: string;
	flowId?: string;
	flowName?: string;
	flowJson?: string;
	flowAction?: 'navigate' | 'data_exchange';
	navigateScreen?: string;
	/** OTP buttons (AUTHENTICATION only). */
	otpType?: 'COPY_CODE' | 'ONE_TAP' | 'ZERO_TAP';
	autofillText?: string;
	supportedApps?: Array<{ packageName: string; signatureHash: string }>;
	zeroTapTermsAccepted?: boolean;
}

export interface TemplateCreateInput {
	name: string;
	language: string;
	/** UTILITY | MARKETING | AUTHENTICATION (any case). */
	category: string;
	/** POSITIONAL ({{1}}) or NAMED ({{first_name}}); inferred from the text when left out. */
	parameterFormat?: string;
	/** TEXT (the default when headerText is given), IMAGE, VIDEO, GIF, DOCUMENT or LOCATION. */
	headerFormat?: string;
	headerText?: string;
	/** Sample value for the one variable a text header may have. */
	headerExample?: string;
	/** Media headers: the sample's handle from the Resumable Upload API ("4::…"), not a media ID. */
	headerHandle?: string;
	bodyText?: string;
	/** Samples for body variables: by name/number ({ first_name: 'Pablo' } or { 1: 'Pablo' }) or in order. */
	bodyExamples?: Record<string, string> | string[];
	footerText?: string;
	buttons?: TemplateCreateButton[];
	messageSendTtlSeconds?: number;
	/** AUTHENTICATION only. */
	addSecurityRecommendation?: boolean;
	/** AUTHENTICATION only: 1–90. */
	codeExpirationMinutes?: number;
}

/** The JSON body for POST /{waba-id}/message_templates. */
export interface TemplateCreateBody {
	name: string;
	language: string;
	category: string;
	parameter_format?: 'POSITIONAL' | 'NAMED';
	message_send_ttl_seconds?: number;
	components: Array<Record<string, unknown>>;
}
