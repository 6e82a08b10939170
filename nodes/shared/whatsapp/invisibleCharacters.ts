/**
 * Characters that take no space when shown: direction marks and embeddings, zero-width spaces and
 * joiners, the word joiner, variation selectors, soft hyphens, byte-order marks… Unicode lists them
 * as format characters (category Cf) and default-ignorable code points. Identifiers copied from
 * WhatsApp, contact cards and spreadsheets carry them (docs/phone-numbers.md).
 */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/** `text` without its invisible characters, trimmed; '' for null or undefined. */
export function withoutInvisibleCharacters(text: unknown): string {
	return String(text ?? '').replace(INVISIBLE, '').trim();
}
