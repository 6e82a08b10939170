import type { IExecuteFunctions } from 'n8n-workflow';
import {
	alreadySentRecordKey,
	awaitingStatusOf,
	claimAlreadySent,
	markAlreadySent,
	parseAlreadySentValue,
	readKeys,
	releaseAlreadySent,
	statusesHeardAt,
	type AlreadySentClaim,
	type AlreadySentValue,
	type SharedState,
} from '../../shared/sharedState';
import { judgeUnconfirmedSend } from '../../shared/whatsapp/messages';
import type { AlreadySentRecord, AlreadySentStore, ClaimTarget } from './alreadySent';

function recordOf(value: string | null): AlreadySentRecord | undefined {
	if (value === null) return undefined;
	const stored = parseAlreadySentValue(value);
	// A value that is not ours reads as sent: never send what might have gone out.
	if (!stored) return { state: 'sent' };
	const { state, executionId, at, messageId, confirmedByStatus } = stored;
	return { state: state === 'claimed' ? 'claimed' : 'sent', executionId, at, ...(messageId ? { messageId } : {}), ...(confirmedByStatus ? { confirmedByStatus } : {}) };
}

/**
 * Skip Items Already Sent in the credential's Redis, shared by every n8n process (queue mode), per
 * workflow and node (sharedState/alreadySentRecords.ts). Each key is claimed atomically right before
 * its message goes out, set to `sent` once WhatsApp accepted it, and given back when its item
 * failed. A claim never confirmed (the worker was killed, or the connection broke, while the request
 * was on its way) stays: a WhatsApp Trigger using the same Redis turns it into `sent` when a status
 * webhook of the message arrives; otherwise a rerun takes it over after `resendAfterMs` when
 * statuses of the number kept arriving (judgeUnconfirmedSend), and skips it until then.
 * Keys expire after 30 days. Connection failures throw WhatsAppConfigurationError (sharedState/redis.ts).
 */
export function sharedAlreadySentStore(context: IExecuteFunctions, state: SharedState, resendAfterMs: number): AlreadySentStore {
	const workflowId = String(context.getWorkflow().id ?? 'workflow');
	const nodeId = context.getNode().id || context.getNode().name;
	const executionId = String(context.getExecutionId() ?? '');
	const run = `${executionId}:${Math.random().toString(36).slice(2)}`;
	const claims = new Map<string, AlreadySentClaim>();
	/** Keys whose stale claim this run takes over: the value the record holds now. */
	const takeOver = new Map<string, string>();
	const heard = new Map<string, Promise<number | undefined>>();
	const writes: Array<Promise<string | undefined>> = [];
	// Dated when taken, not when the run started: in a long batch a key is claimed minutes after the
	// start, and Resend Unconfirmed After counts from the moment its request went out.
	const claimOf = (key: string, target: ClaimTarget = {}): AlreadySentClaim => {
		const value = JSON.stringify({ state: 'claimed', executionId, at: new Date().toISOString(), run } satisfies AlreadySentValue);
		return { record: alreadySentRecordKey(workflowId, nodeId, key), value, key, ...target };
	};
	return {
		async recorded(keys) {
			const unique = [...new Set(keys)];
			const values = await readKeys(state, unique.map((key) => alreadySentRecordKey(workflowId, nodeId, key)));
			const found = new Map<string, AlreadySentRecord>();
			unique.forEach((key, index) => {
				const record = recordOf(values[index]);
				if (record) found.set(key, { ...record, ...(record.state === 'claimed' ? { stored: values[index]! } : {}) });
			});
			return found;
		},
		async unconfirmed(key, record, phoneNumberId) {
			// Statuses are recorded per phone number ID: without one (360dialog), none confirms the claim, and none was heard.
			if (!phoneNumberId) return { action: 'keep', why: resendAfterMs > 0 ? 'noNumber' : 'resendOff' };
			let heardAt = heard.get(phoneNumberId);
			if (!heardAt) heard.set(phoneNumberId, (heardAt = statusesHeardAt(state, phoneNumberId)));
			const awaiting = await awaitingStatusOf(state, alreadySentRecordKey(workflowId, nodeId, key), phoneNumberId, key);
			const claimedAtMs = record.at ? Date.parse(record.at) : undefined;
			const verdict = judgeUnconfirmedSend({ nowMs: Date.now(), resendAfterMs, claimedAtMs, statusesHeardAtMs: await heardAt, awaiting });
			if (verdict.action === 'resend' && record.stored !== undefined) takeOver.set(key, record.stored);
			return verdict;
		},
		async claim(key, target) {
			const claim = claimOf(key, target);
			const taken = await claimAlreadySent(state, claim, takeOver.get(key));
			if (taken) claims.set(key, claim);
			return taken;
		},
		release(key) {
			const claim = claims.get(key);
			if (claim) writes.push(releaseAlreadySent(state, claim).then(() => undefined, () => undefined));
		},
		record(key) {
			const value = JSON.stringify({ state: 'sent', executionId, at: new Date().toISOString() } satisfies AlreadySentValue);
			writes.push(markAlreadySent(state, claims.get(key) ?? claimOf(key), value).then(() => undefined, () => key));
		},
		async flush() {
			const failed = await Promise.all(writes.splice(0));
			return failed.filter((key): key is string => key !== undefined);
		},
	};
}
