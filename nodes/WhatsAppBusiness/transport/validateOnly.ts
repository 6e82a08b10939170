import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * The send options' "Validate Only" switch (messageOptions.validateOnly): the message is built and
 * checked, then returned instead of sent. Read here, in the send path, so every send operation
 * honours it without reading it itself; reads (template definitions, account settings) still run.
 */
export function isValidateOnly(this: IExecuteFunctions, itemIndex: number): boolean {
	return this.getNodeParameter('messageOptions.validateOnly', itemIndex, false) === true;
}

/** Stands in for the media ID of a binary file that Validate Only checked but did not upload. */
export const NOT_UPLOADED_MEDIA_ID = '0';
