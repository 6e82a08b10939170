/**
 * Cloud API size limits for outgoing messages, each with the Meta page that states it (addresses in
 * docs/references.md). Lengths are counted in characters (code points).
 */

/** Meta's Text messages page: text.body */
export const TEXT_BODY_MAX = 4096;
/** Meta's Media messages page: caption of image, video and document */
export const MEDIA_CAPTION_MAX = 1024;

/** Meta's Contacts messages page: contacts per message */
export const CONTACTS_MAX = 257;

/** Meta's Send messages page: biz_opaque_callback_data (kapso SDK cap; Meta's own maximum is not confirmed) */
export const BIZ_OPAQUE_CALLBACK_DATA_MAX = 512;

/** Meta's Interactive reply buttons messages page: reply buttons */
export const REPLY_BUTTONS_MIN = 1;
export const REPLY_BUTTONS_MAX = 3;
export const REPLY_BUTTON_TITLE_MAX = 20;
export const REPLY_BUTTON_ID_MAX = 256;

/** Meta's Interactive reply buttons messages, Interactive CTA URL button messages, Location request messages pages: interactive body.text (reply buttons, CTA URL, location request) */
export const INTERACTIVE_BODY_MAX = 1024;
/** Meta's Interactive reply buttons messages, Interactive CTA URL button messages pages: interactive footer.text */
export const INTERACTIVE_FOOTER_MAX = 60;
/** Meta's Interactive reply buttons messages, Interactive CTA URL button messages pages: interactive text header */
export const INTERACTIVE_HEADER_TEXT_MAX = 60;

/** Meta's Interactive list messages page: list messages */
export const LIST_BODY_MAX = 4096;
export const LIST_BUTTON_LABEL_MAX = 20;
export const LIST_SECTIONS_MIN = 1;
export const LIST_SECTIONS_MAX = 10;
/** Meta's Interactive list messages page: rows are counted across all sections together */
export const LIST_ROWS_TOTAL_MAX = 10;
export const LIST_SECTION_TITLE_MAX = 24;
export const LIST_ROW_TITLE_MAX = 24;
export const LIST_ROW_ID_MAX = 200;
export const LIST_ROW_DESCRIPTION_MAX = 72;

/** Meta's Interactive CTA URL button messages page: CTA URL button label */
export const CTA_DISPLAY_TEXT_MAX = 20;

/** Meta's Location messages page: location ranges in decimal degrees */
export const LATITUDE_LIMIT = 90;
export const LONGITUDE_LIMIT = 180;

/** Meta's Sending a Flow page and the vendored OpenAPI (flow_cta maxLength): the Flow's button text */
export const FLOW_CTA_MAX = 30;

/** Meta's Share products page and the vendored OpenAPI SectionObject: multi-product messages */
export const PRODUCT_SECTIONS_MAX = 10;
export const PRODUCT_ITEMS_TOTAL_MAX = 30;
export const PRODUCT_SECTION_TITLE_MAX = 24;
