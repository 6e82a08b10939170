import { NodeApiError, NodeOperationError, type INode, type INodeExecutionData, type JsonObject } from 'n8n-workflow';
import { formatMetaError, type MetaErrorInfo } from '../whatsapp/errors';
import { WhatsAppValidationError } from '../whatsapp/validationError';
import { createRedactor, type Redactor } from './redaction';

/** A setting is missing or not supported by the chosen provider: fixable in the node or credential. */
export class WhatsAppConfigurationError extends Error {
	constructor(
		message: string,
		readonly fix: string,
	) {
		super(message);
		this.name = 'WhatsAppConfigurationError';
	}
}

const metaErrors = new WeakMap<Error, MetaErrorInfo>();
/** What our own errors (not Meta's answers) tell a failed item, in the fields a Meta error fills. */
const ownErrors = new WeakMap<Error, OwnErrorInfo>();
const itemDetails = new WeakMap<Error, JsonObject>();
/** Token shapes only, for errors built where no credential is known. */
const SHAPES_ONLY = createRedactor([]);

/** What the transport did before giving up on a request, told in the error it builds. */
export interface RequestOutcome {
	/** Requests sent, the first one included. */
	attempts: number;
	/** The most the retry policy allows, the first one included. */
	maxAttempts: number;
}

function duration(seconds: number): string {
	const [amount, unit] = seconds >= 3600 ? [Math.round(seconds / 3600), 'hour'] : seconds >= 60 ? [Math.round(seconds / 60), 'minute'] : [seconds, 'second'];
	return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

/**
 * What the node did about a refusal that waiting can cure (Meta: Error codes, Throughput): it tried
 * again until the policy's attempts were used up, or it did not try because Meta asks for a longer
 * wait than a run should block. Undefined when retrying cannot help.
 */
export function retryOutcomeText(info: MetaErrorInfo, outcome: RequestOutcome | undefined): string | undefined {
	if (!info.retryable || !outcome) return undefined;
	const later = info.retryAfterSeconds ? ` after about ${duration(info.retryAfterSeconds)}` : ' a little later';
	if (outcome.attempts >= outcome.maxAttempts) {
		return outcome.attempts > 1
			? `WhatsApp refused this request ${outcome.attempts} times in a row; the node's automatic retries are used up and it was not sent again. Run the item again${later}.`
			: `This request is not retried automatically. Run the item again${later}.`;
	}
	return `The node did not retry: WhatsApp asks to wait longer than the node waits within a run. Run the item again${later}.`;
}

/**
 * Meta's answer for a failed request, as an n8n error that keeps the mapped advice. `body` is the
 * answer as received; it is redacted with `redactor` (the credential's secrets and token shapes)
 * like every text of the error. `outcome` says how often the request was sent.
 */
export function metaApiError(
	node: INode,
	info: MetaErrorInfo,
	body: unknown,
	itemIndex?: number,
	options: { redactor?: Redactor; outcome?: RequestOutcome } = {},
): NodeApiError {
	const redactor = options.redactor ?? SHAPES_ONLY;
	const clean = redactor.json(info);
	const { message, description } = formatMetaError(clean);
	const retried = retryOutcomeText(clean, options.outcome);
	const answer = redactor.json(body && typeof body === 'object' ? body : { message: clean.message });
	const error = new NodeApiError(node, answer as JsonObject, {
		message,
		description: retried ? `${description}\n${retried}` : description,
		httpCode: info.httpStatus ? String(info.httpStatus) : undefined,
		itemIndex,
	});
	metaErrors.set(error, clean);
	if (options.outcome && options.outcome.attempts > 1) attachErrorDetails(error, { attempts: options.outcome.attempts });
	return redactor.error(error);
}

export function metaErrorOf(error: unknown): MetaErrorInfo | undefined {
	return error instanceof Error ? metaErrors.get(error) : undefined;
}

/**
 * Extra fields a failed item carries next to the message (e.g. the parts of a long text already
 * sent), added to `error` in errorItemJson. Later calls add to earlier ones.
 */
export function attachErrorDetails(error: Error, details: JsonObject): void {
	itemDetails.set(error, { ...(itemDetails.get(error) ?? {}), ...details });
}

/** The extra fields attached to an error (attachErrorDetails); empty when none. */
export function errorDetailsOf(error: unknown): JsonObject {
	return (error instanceof Error ? itemDetails.get(error) : undefined) ?? {};
}

/** A request that got no answer: a timeout, a broken connection, or a host that cannot be reached. */
export interface NetworkFailureReport {
	host: string;
	code: string;
	/** The request went out and may have been carried out (a send that cannot be repeated safely). */
	mayHaveArrived: boolean;
	/** Whether repeating the request is harmless (GET, PUT, DELETE). */
	idempotent: boolean;
	/** No answer within `timeoutMs`. */
	timedOut: boolean;
	timeoutMs: number;
	attempts: number;
	itemIndex?: number;
}

/**
 * The n8n error for a request that got no answer. It names a timeout as a timeout, says whether the
 * request may have been carried out (then the item's error has `outcomeUnknown: true`), and never
 * repeats the HTTP library's error (its request headers carry the token), so no cause is attached.
 */
export function networkError(node: INode, failure: NetworkFailureReport): NodeOperationError {
	const { host, code, attempts } = failure;
	const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
	const seconds = Number((failure.timeoutMs / 1000).toFixed(1));
	const unknownOutcome = failure.mayHaveArrived && !failure.idempotent;
	const notRepeated =
		'It was not repeated automatically, to avoid sending a message twice. Check the status webhooks (or the recipient) before sending it again.';
	let message: string;
	let what: string;
	let advice: string;
	// The code stays out of the message: n8n would swap a message naming ECONNRESET for a generic text.
	if (failure.timedOut) {
		message = `Timeout: WhatsApp did not answer within ${seconds} seconds`;
		[what, advice] = unknownOutcome
			? [`${host} did not answer within ${seconds} seconds, so it is unknown whether this request was carried out.`, notRepeated]
			: [
					`${host} did not answer within ${seconds} seconds${tries}.`,
					'WhatsApp may be slow (see https://metastatus.com), or the Base URL in the credential points at a server that does not answer. Run the item again later.',
				];
	} else if (failure.mayHaveArrived) {
		message = 'Network error: the connection to WhatsApp broke before it answered';
		[what, advice] = unknownOutcome
			? [`The connection to ${host} broke (${code}) before WhatsApp answered, so it is unknown whether this request was carried out.`, notRepeated]
			: [`The connection to ${host} broke (${code}) before WhatsApp answered${tries}.`, 'Check the network, then run again.'];
	} else {
		message = 'Network error: could not reach WhatsApp';
		[what, advice] = [`Could not reach ${host} (${code})${tries}.`, 'Check the Base URL in the credential and the network, then run again.'];
	}
	const error = new NodeOperationError(node, message, { description: `${what} ${advice}`, itemIndex: failure.itemIndex });
	// Not retryable when the request may have been carried out: sending it again could send the message twice.
	ownErrors.set(error, { code: failure.timedOut ? 'timeout' : 'network', advice, retryable: !unknownOutcome, category: 'network' });
	if (attempts > 1) attachErrorDetails(error, { attempts });
	if (unknownOutcome) attachErrorDetails(error, { outcomeUnknown: true });
	return error;
}

/**
 * Turns our plain errors (validation, configuration) into n8n errors for the item concerned; with a
 * redactor, every text of the result is redacted (the last pass before an error reaches the user).
 */
export function toNodeError(node: INode, error: unknown, itemIndex: number, redactor: Redactor = SHAPES_ONLY): NodeApiError | NodeOperationError {
	return redactor.error(asNodeError(node, error, itemIndex));
}

function asNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof WhatsAppValidationError) {
		const nodeError = new NodeOperationError(node, error.message, { description: `${error.fix} (field: ${error.field})`, itemIndex });
		ownErrors.set(nodeError, { code: 'invalidInput', advice: error.fix, retryable: false, category: 'input', field: error.field });
		return nodeError;
	}
	if (error instanceof WhatsAppConfigurationError) {
		const nodeError = new NodeOperationError(node, error.message, { description: error.fix, itemIndex });
		ownErrors.set(nodeError, { code: 'setup', advice: error.fix, retryable: false, category: 'setup' });
		return nodeError;
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context && error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/**
 * What an error of our own (not an answer of Meta's) puts in a failed item, under the names a Meta
 * error uses, so `{{ $json.error.advice }}` and `{{ $json.error.code }}` are filled for every failure.
 */
export interface OwnErrorInfo {
	/** Words, never a Meta number: invalidInput, setup, timeout, network, or error (anything else). */
	code: 'invalidInput' | 'setup' | 'timeout' | 'network' | 'error';
	/** What to do about it, in plain words. */
	advice: string;
	/** Whether running the same item again later can succeed without changing anything. */
	retryable: boolean;
	category: 'input' | 'setup' | 'network' | 'unknown';
	/** The node field to change (its parameter name), for an invalid input. */
	field?: string;
}

/** For errors neither we nor Meta explained (e.g. n8n's own, an expression that failed). */
function otherError(description: string | undefined): OwnErrorInfo {
	return { code: 'error', advice: description || "Read the message, fix the item or the node's settings, then run the item again.", retryable: false, category: 'unknown' };
}

/**
 * The JSON a failed item carries under "Continue (using error output)" / "Continue (regular
 * output)", one shape for every failure: `{ error: { message, description, code, advice,
 * retryable, category, field?, … } }`. A Meta answer adds `title`, `details` and `fbtraceId`, and
 * `code` is Meta's number (Meta: Error codes); our own errors give a word (OwnErrorInfo) and, for an
 * invalid input, the `field` to change. Then what the transport attached (attachErrorDetails) and `extra`.
 */
export function errorItemJson(error: NodeApiError | NodeOperationError, extra: JsonObject = {}): JsonObject {
	const info = metaErrorOf(error);
	const description = (error as { description?: string }).description;
	const own = info ? undefined : (ownErrors.get(error) ?? otherError(description));
	return {
		error: {
			message: error.message,
			...(description ? { description } : {}),
			...(info
				? {
						code: info.code,
						title: info.title,
						advice: info.advice,
						retryable: info.retryable,
						category: info.category,
						...(info.details ? { details: info.details } : {}),
						...(info.fbtraceId ? { fbtraceId: info.fbtraceId } : {}),
					}
				: { ...own }),
			...errorDetailsOf(error),
			...extra,
		},
	};
}

/**
 * The output item of an item that failed under Continue On Fail: `json` (errorItemJson's shape,
 * `error` its only key), paired with its input. It deliberately has no `error` property: n8n's
 * WorkflowExecute (n8n-core execution-engine/workflow-execute.ts, normalizeNodeErrors) replaces the
 * json of every item carrying one with `{ error: message }`, dropping the description, advice and
 * the fields a workflow needs next (unsent parts, attempts). Without it the json stays whole, and
 * "Continue (using error output)" still routes the item to the error output, because n8n takes an
 * item whose json has only `error` (and `message`, `details`) as failed (handleNodeErrorOutput).
 */
export function failedItem(json: JsonObject, itemIndex: number): INodeExecutionData {
	return { json, pairedItem: { item: itemIndex } };
}
