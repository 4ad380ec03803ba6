import { pathTo } from '$lib/paths';
import type { ResolvedPathname } from '$app/types';
/**
 * Background sweeps (closing due proposals, adding due recurring expenses, anything
 * later) run item by item: each in its own try, so one bad row — say, from an imported
 * household — is logged and recorded for its house's admins while the sweep goes on for
 * everyone else.
 */
import { getDb } from './db';
import { membersWithLogin, notify } from './notifications/outbox';
import { log } from './observability/log';

export type Sweep = 'close-proposals' | 'recurring-expenses' | 'freeze-chores' | 'reminders';

/** Runs one item; false when it failed (logged, and recorded in sweep_failures). */
export async function sweepItem(sweep: Sweep, householdId: string, subjectId: string, work: () => Promise<unknown>): Promise<boolean> {
	try {
		await work();
		return true;
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		log.error({ sweep, householdId, subjectId, reason: message }, `Sweep ${sweep}: an item failed`);
		try {
			const recorded = await getDb()
				.insertInto('sweepFailures')
				.values({ householdId, sweep, subjectId, message: message.slice(0, 1000) })
				.onConflict((oc) =>
					oc
						.columns(['householdId', 'sweep', 'subjectId'])
						.doUpdateSet((eb) => ({ message: eb.ref('excluded.message'), attempts: eb('sweepFailures.attempts', '+', 1), lastFailedAt: new Date() }))
				)
				.returning('attempts')
				.executeTakeFirstOrThrow();
			// The admins hear of a repeating expense that could not be made once, when it first fails (the retries every minute stay quiet).
			if (sweep === 'recurring-expenses' && recorded.attempts === 1) await tellAdminsOfFailedRecurring(householdId, subjectId);
		} catch (recordError) {
			log.error({ sweep, err: recordError }, `Sweep ${sweep}: the failure could not be recorded`);
		}
		return false;
	}
}

async function tellAdminsOfFailedRecurring(householdId: string, recurringId: string): Promise<void> {
	await getDb()
		.transaction()
		.execute(async (trx) => {
			const template = await trx
				.selectFrom('recurringExpenses')
				.select('description')
				.where('householdId', '=', householdId)
				.where('id', '=', recurringId)
				.executeTakeFirst();
			if (!template) return;
			await notify(trx, {
				householdId,
				kind: 'recurring.failed',
				actorMemberId: null,
				facts: { description: template.description },
				path: pathTo('/h/[hid]/expenses/recurring/[rid]', { hid: householdId, rid: recurringId }),
				recipients: await membersWithLogin(trx, householdId, { adminsOnly: true })
			});
		});
}

const FAILURE_PLACES: Record<Sweep, (householdId: string, subjectId: string) => ResolvedPathname> = {
	'close-proposals': (hid, pid) => pathTo('/h/[hid]/proposals/[pid]', { hid, pid }),
	'recurring-expenses': (hid) => pathTo('/h/[hid]/expenses/recurring', { hid }),
	'freeze-chores': (hid) => pathTo('/h/[hid]/chores', { hid }),
	reminders: (hid) => pathTo('/h/[hid]/chores', { hid })
};
const FAILURE_WORDS: Record<Sweep, string> = {
	'close-proposals': 'A proposal could not be closed',
	'recurring-expenses': 'A repeating expense could not be added',
	'freeze-chores': 'The chore calendar’s past could not be written down',
	reminders: 'The day’s reminders could not be written'
};

/** What failed in a household's sweeps, newest first: for its admins' dashboard. */
export async function sweepFailuresOf(
	householdId: string
): Promise<Array<{ sweep: Sweep; subjectId: string; message: string; attempts: number; lastFailedAt: Date }>> {
	return getDb()
		.selectFrom('sweepFailures')
		.select(['sweep', 'subjectId', 'message', 'attempts', 'lastFailedAt'])
		.where('householdId', '=', householdId)
		.orderBy('lastFailedAt', 'desc')
		.limit(20)
		.execute();
}

export interface AttentionItem {
	/** Where an admin can act on it. */
	href: ResolvedPathname;
	message: string;
}

/**
 * What went wrong without anyone at the keyboard, for the household's admins: passed
 * proposals whose expense could not be added, and failed sweep items.
 */
export async function needsAttention(householdId: string): Promise<AttentionItem[]> {
	const db = getDb();
	const [unpaid, failures] = await Promise.all([
		db
			.selectFrom('proposals')
			.select(['id', 'title'])
			.where('householdId', '=', householdId)
			.where('status', 'in', ['passed', 'decided'])
			.where('linkedExpense', 'is not', null)
			.where('linkedExpenseId', 'is', null)
			.where('closedAt', '>', new Date(Date.now() - 60 * 86_400_000))
			.orderBy('closedAt', 'desc')
			.limit(10)
			.execute(),
		sweepFailuresOf(householdId)
	]);
	return [
		...unpaid.map((p) => ({
			href: pathTo('/h/[hid]/proposals/[pid]', { hid: householdId, pid: p.id }),
			message: `“${p.title}” passed, but its expense could not be added. Add it by hand.`
		})),
		...failures.map((f) => ({ href: FAILURE_PLACES[f.sweep](householdId, f.subjectId), message: `${FAILURE_WORDS[f.sweep]}: ${f.message}` }))
	];
}
