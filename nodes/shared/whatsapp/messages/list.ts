import {
	INTERACTIVE_HEADER_TEXT_MAX,
	LIST_BODY_MAX,
	LIST_BUTTON_LABEL_MAX,
	LIST_ROW_DESCRIPTION_MAX,
	LIST_ROW_ID_MAX,
	LIST_ROW_TITLE_MAX,
	LIST_ROWS_TOTAL_MAX,
	LIST_SECTION_TITLE_MAX,
	LIST_SECTIONS_MAX,
	LIST_SECTIONS_MIN,
} from './limits';
import { WhatsAppValidationError } from '../validationError';
import { buildEnvelope, optionalText, requireText, type CommonMessageOptions } from './common';
import { buildFooter, firstDuplicate, withOptionalParts } from './interactiveParts';
import type { InteractiveMessageBody, ListInteractive, ListRow, ListSection } from './types';

export interface ListRowInput {
	/** Comes back in the list_reply webhook; defaults to the title. */
	id?: string;
	title: string;
	description?: string;
}

export interface ListSectionInput {
	/** Required when there is more than one section. */
	title?: string;
	rows: ListRowInput[];
}

export interface ListMessageInput extends CommonMessageOptions {
	body: string;
	/** Label of the button that opens the list. */
	buttonLabel: string;
	sections: ListSectionInput[];
	/** Lists only take a text header (Meta: Interactive list messages). */
	headerText?: string;
	footer?: string;
}

function buildRow(row: ListRowInput, field: string, label: string): ListRow {
	const title = requireText(row?.title, LIST_ROW_TITLE_MAX, `${field}.title`, `${label} title`).trim();
	const id = (optionalText(row?.id, LIST_ROW_ID_MAX, `${field}.id`, `${label} ID`) ?? title).trim();
	const description = optionalText(row?.description, LIST_ROW_DESCRIPTION_MAX, `${field}.description`, `${label} description`);
	return description === undefined ? { id, title } : { id, title, description };
}

function buildSection(section: ListSectionInput, index: number, titleRequired: boolean): ListSection {
	const field = `sections[${index}]`;
	const label = `Section ${index + 1}`;
	const title = titleRequired
		? requireText(section?.title, LIST_SECTION_TITLE_MAX, `${field}.title`, `${label} title`)
		: optionalText(section?.title, LIST_SECTION_TITLE_MAX, `${field}.title`, `${label} title`);
	if (!Array.isArray(section?.rows) || section.rows.length === 0) {
		throw new WhatsAppValidationError(`${label} has no rows.`, `${field}.rows`, `Add at least one row to ${label.toLowerCase()}, or remove the section.`);
	}
	const rows = section.rows.map((row, rowIndex) => buildRow(row, `${field}.rows[${rowIndex}]`, `${label}, row ${rowIndex + 1}`));
	return title === undefined ? { rows } : { title, rows };
}

function buildSections(sections: ListSectionInput[]): ListSection[] {
	const count = Array.isArray(sections) ? sections.length : 0;
	if (count < LIST_SECTIONS_MIN || count > LIST_SECTIONS_MAX) {
		throw new WhatsAppValidationError(
			`${count} list sections were given; WhatsApp allows ${LIST_SECTIONS_MIN} to ${LIST_SECTIONS_MAX}.`,
			'sections',
			count === 0 ? 'Add a section with at least one row.' : `Merge sections so there are ${LIST_SECTIONS_MAX} or fewer.`,
		);
	}
	// Section titles are optional only when the list has a single section (OpenAPI SectionObject).
	const built = sections.map((section, index) => buildSection(section, index, count > 1));
	const rows = built.flatMap((section) => section.rows);
	if (rows.length > LIST_ROWS_TOTAL_MAX) {
		throw new WhatsAppValidationError(
			`The list has ${rows.length} rows; WhatsApp allows at most ${LIST_ROWS_TOTAL_MAX} rows across all sections together.`,
			'sections',
			`Remove rows until there are ${LIST_ROWS_TOTAL_MAX} or fewer in total.`,
		);
	}
	const sameId = firstDuplicate(rows.map((row) => row.id));
	if (sameId) {
		throw new WhatsAppValidationError(
			`Two rows have the same ID "${sameId.value}", so their replies could not be told apart.`,
			'sections',
			'Give every row its own ID (or its own title when IDs are left empty).',
		);
	}
	return built;
}

/** Meta's Interactive list messages page: interactive list message. */
export function buildListMessage(input: ListMessageInput): InteractiveMessageBody<ListInteractive> {
	const headerText = optionalText(input.headerText, INTERACTIVE_HEADER_TEXT_MAX, 'headerText', 'The header text');
	const interactive = withOptionalParts<ListInteractive>(
		{
			type: 'list',
			body: { text: requireText(input.body, LIST_BODY_MAX, 'body', 'The message text') },
			action: {
				button: requireText(input.buttonLabel, LIST_BUTTON_LABEL_MAX, 'buttonLabel', 'The list button label'),
				sections: buildSections(input.sections),
			},
		},
		{
			header: headerText === undefined ? undefined : { type: 'text', text: headerText },
			footer: buildFooter(input.footer),
		},
	);
	return { ...buildEnvelope(input), type: 'interactive', interactive };
}
