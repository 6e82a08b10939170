/**
 * Template definitions as Meta returns them from GET /{waba-id}/message_templates (Meta: Template management), and the
 * send-time component JSON (Meta: Template components). Meta writes types in uppercase; lowercase is accepted everywhere
 * because the docs' own examples mix both (Meta: Templates overview).
 */

type Cased<T extends string> = T | Lowercase<T>;

export type TemplateParameterFormat = 'POSITIONAL' | 'NAMED';
export type TemplateCategory = 'UTILITY' | 'MARKETING' | 'AUTHENTICATION';
export type TemplateComponentType =
	| 'HEADER'
	| 'BODY'
	| 'FOOTER'
	| 'BUTTONS'
	| 'CAROUSEL'
	| 'LIMITED_TIME_OFFER';
export type TemplateHeaderFormat = 'TEXT' | 'IMAGE' | 'VIDEO' | 'GIF' | 'DOCUMENT' | 'LOCATION';
export type TemplateButtonType =
	| 'QUICK_REPLY'
	| 'URL'
	| 'PHONE_NUMBER'
	| 'VOICE_CALL'
	| 'COPY_CODE'
	| 'FLOW'
	| 'OTP'
	| 'MPM'
	| 'SPM'
	| 'CATALOG';

export interface NamedParameterExample {
	param_name: string;
	example: string;
}

/** The `example` object of a HEADER or BODY component (Meta: Templates overview "Examples are mandatory"). */
export interface TemplateComponentExample {
	header_text?: string[];
	header_text_named_params?: NamedParameterExample[];
	header_handle?: string[];
	body_text?: string[][];
	body_text_named_params?: NamedParameterExample[];
}

export interface TemplateButtonDefinition {
	type: Cased<TemplateButtonType> | string;
	text?: string;
	url?: string;
	phone_number?: string;
	/** URL buttons: `["suffix"]`; COPY_CODE buttons: the sample code (string or one-element array). */
	example?: string[] | string;
	otp_type?: string;
	autofill_text?: string;
	package_name?: string;
	signature_hash?: string;
	supported_apps?: Array<{ package_name: string; signature_hash: string }>;
	flow_id?: string;
	flow_name?: string;
	flow_json?: string;
	flow_action?: string;
	navigate_screen?: string;
}

export interface TemplateCardDefinition {
	components: TemplateComponentDefinition[];
}

export interface TemplateComponentDefinition {
	type: Cased<TemplateComponentType> | string;
	format?: Cased<TemplateHeaderFormat> | string;
	text?: string;
	example?: TemplateComponentExample;
	buttons?: TemplateButtonDefinition[];
	cards?: TemplateCardDefinition[];
	/** AUTHENTICATION body and footer presets (Meta: Templates overview). */
	add_security_recommendation?: boolean;
	code_expiration_minutes?: number;
	/** LIMITED_TIME_OFFER component (Meta: Limited-time offer templates). */
	limited_time_offer?: { text?: string; has_expiration?: boolean };
}

export interface TemplateDefinition {
	id?: string;
	name: string;
	language: string;
	status?: string;
	category: Cased<TemplateCategory> | string;
	sub_category?: string;
	parameter_format?: Cased<TemplateParameterFormat>;
	components: TemplateComponentDefinition[];
}

// ---- send time (Meta: Template components, Authentication templates, Media card carousel templates, Limited-time offer templates) ----

export type SendMediaObject = { id: string } | { link: string };

export type SendTemplateParameter =
	| { type: 'text'; text: string; parameter_name?: string }
	| { type: 'image'; image: SendMediaObject }
	| { type: 'video'; video: SendMediaObject }
	| { type: 'document'; document: SendMediaObject & { filename?: string } }
	| {
			type: 'location';
			location: { latitude: string; longitude: string; name?: string; address?: string };
	  }
	| { type: 'payload'; payload: string }
	| { type: 'coupon_code'; coupon_code: string }
	| {
			type: 'action';
			action: { flow_token: string; flow_action_data?: Record<string, unknown> };
	  }
	| { type: 'limited_time_offer'; limited_time_offer: { expiration_time_ms: number } }
	/** Only in Components (JSON): the field form sends text, which every variable accepts. */
	| { type: 'currency'; currency: { fallback_value: string; code: string; amount_1000: number }; parameter_name?: string }
	| { type: 'date_time'; date_time: { fallback_value: string }; parameter_name?: string };

export type SendButtonSubType = 'quick_reply' | 'url' | 'copy_code' | 'flow';

export interface SendHeaderOrBodyComponent {
	type: 'header' | 'body';
	parameters: SendTemplateParameter[];
}

export interface SendButtonComponent {
	type: 'button';
	sub_type: SendButtonSubType;
	/** Meta's OpenAPI types `index` as a string; the docs accept "0" and 0 (Meta: Template components). */
	index: string;
	parameters: SendTemplateParameter[];
}

export interface SendLimitedTimeOfferComponent {
	type: 'limited_time_offer';
	parameters: SendTemplateParameter[];
}

export type SendCardComponent = SendHeaderOrBodyComponent | SendButtonComponent;

export interface SendCarouselComponent {
	type: 'carousel';
	cards: Array<{ card_index: number; components: SendCardComponent[] }>;
}

export type SendTemplateComponent =
	| SendHeaderOrBodyComponent
	| SendButtonComponent
	| SendLimitedTimeOfferComponent
	| SendCarouselComponent;

// ---- the form a user fills ----

export type TemplateFieldComponent = 'header' | 'body' | 'button' | 'limited_time_offer';
export type TemplateFieldKind =
	| 'text'
	| 'image'
	| 'video'
	| 'document'
	| 'location'
	| 'payload'
	| 'url_suffix'
	| 'coupon_code'
	| 'flow'
	| 'expiration_time';

export interface TemplateParameterField {
	/** Stable id, used as the key in the values record: `body_1`, `header`, `button_0_url`… */
	id: string;
	displayName: string;
	component: TemplateFieldComponent;
	kind: TemplateFieldKind;
	required: boolean;
	/** NAMED templates: the placeholder name, e.g. `first_name`. */
	parameterName?: string;
	/** POSITIONAL templates: the placeholder number, e.g. 2 for `{{2}}`. */
	position?: number;
	/** Zero-based position of the button in the template (Meta: Template components). */
	buttonIndex?: number;
	/** Carousel fields only: the zero-based card (Meta: Media card carousel templates). */
	cardIndex?: number;
	example?: string;
	description: string;
}

export type TemplateValues = Record<string, string | number | undefined>;
