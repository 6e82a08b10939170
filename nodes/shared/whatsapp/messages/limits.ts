/**
 * Cloud API size limits for outgoing messages. Section numbers point at
 * /work/shared/reference/whatsapp-cloud-api.md. Lengths are counted in characters (code points).
 */

/** §1.2 text.body */
export const TEXT_BODY_MAX = 4096;
/** §1.3 caption of image, video and document */
export const MEDIA_CAPTION_MAX = 1024;

/** §1.5 contacts per message */
export const CONTACTS_MAX = 257;

/** §1.1 biz_opaque_callback_data (kapso SDK cap; Meta's own maximum is not confirmed) */
export const BIZ_OPAQUE_CALLBACK_DATA_MAX = 512;

/** §1.7.1 reply buttons */
export const REPLY_BUTTONS_MIN = 1;
export const REPLY_BUTTONS_MAX = 3;
export const REPLY_BUTTON_TITLE_MAX = 20;
export const REPLY_BUTTON_ID_MAX = 256;

/** §1.7.1, §1.7.3, §1.7.5 interactive body.text (reply buttons, CTA URL, location request) */
export const INTERACTIVE_BODY_MAX = 1024;
/** §1.7.1-§1.7.3 interactive footer.text */
export const INTERACTIVE_FOOTER_MAX = 60;
/** §1.7.1-§1.7.3 interactive text header */
export const INTERACTIVE_HEADER_TEXT_MAX = 60;

/** §1.7.2 list messages */
export const LIST_BODY_MAX = 4096;
export const LIST_BUTTON_LABEL_MAX = 20;
export const LIST_SECTIONS_MIN = 1;
export const LIST_SECTIONS_MAX = 10;
/** §1.7.2 rows are counted across all sections together */
export const LIST_ROWS_TOTAL_MAX = 10;
export const LIST_SECTION_TITLE_MAX = 24;
export const LIST_ROW_TITLE_MAX = 24;
export const LIST_ROW_ID_MAX = 200;
export const LIST_ROW_DESCRIPTION_MAX = 72;

/** §1.7.3 CTA URL button label */
export const CTA_DISPLAY_TEXT_MAX = 20;

/** §1.4 location ranges in decimal degrees */
export const LATITUDE_LIMIT = 90;
export const LONGITUDE_LIMIT = 180;
