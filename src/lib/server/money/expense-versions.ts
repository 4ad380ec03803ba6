/**
 * An expense's saved versions: each save stores a snapshot, so a save made from an old
 * version is refused (409) with what changed since, in words, and theirs kept.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { DomainError } from '$lib/server/errors';
import { formatMoney } from '$lib/money/format';
import type { Expense } from '$lib/money/model';

export async function saveVersion(db: Kysely<Database>, householdId: string, expense: Expense, memberId: string): Promise<void> {
	await db
		.insertInto('expenseVersions')
		.values({ householdId, expenseId: expense.id, version: expense.version, snapshot: JSON.stringify(expense), savedByMemberId: memberId })
		.execute();
}

/** The 409 for a save made from `seenVersion` while the expense is at `now.version`, saying what changed. */
export async function refuseStaleSave(
	db: Kysely<Database>,
	householdId: string,
	now: Expense,
	currentVersion: number,
	seenVersion: number,
	currency: string
): Promise<never> {
	const seen = await db
		.selectFrom('expenseVersions')
		.select('snapshot')
		.where('householdId', '=', householdId)
		.where('expenseId', '=', now.id)
		.where('version', '=', seenVersion)
		.executeTakeFirst();
	const changes = seen ? describeChanges(seen.snapshot, now, currency) : [];
	const what = changes.length ? `: ${changes.join('; ')}` : ` (it is now version ${currentVersion})`;
	throw new DomainError(
		409,
		'stale_version',
		`Someone else saved this expense after you opened it${what}. Reload to see their version, then make your change again.`,
		{
			version: 'This expense changed since you opened it.'
		}
	);
}

/** What changed between two versions, in words for the person whose save was refused. */
export function describeChanges(seen: Expense, now: Expense, currency: string): string[] {
	const changes: string[] = [];
	if (seen.description !== now.description) changes.push(`the description is now “${now.description}”`);
	if (seen.amountMinor !== now.amountMinor)
		changes.push(`the amount is now ${formatMoney(now.amountMinor, currency)} (was ${formatMoney(seen.amountMinor, currency)})`);
	if (seen.spentOn !== now.spentOn) changes.push(`the date is now ${now.spentOn}`);
	if (seen.category !== now.category) changes.push(`the category is now ${now.category}`);
	if (JSON.stringify(seen.payers) !== JSON.stringify(now.payers)) changes.push('who paid changed');
	if (JSON.stringify(seen.shares) !== JSON.stringify(now.shares) || JSON.stringify(seen.split) !== JSON.stringify(now.split)) changes.push('the split changed');
	if (seen.notes !== now.notes) changes.push('the notes changed');
	if (seen.deleted !== now.deleted) changes.push(now.deleted ? 'it was deleted' : 'it was restored');
	return changes;
}
