/**
 * An expense's saved versions: each save stores a snapshot, so a save made from an old
 * version is refused (409) with what changed since, in words, and theirs kept.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { DomainError } from '$lib/server/errors';
import { formatMoney } from '$lib/money/format';
import type { Expense } from '$lib/money/model';
import { m } from '$lib/paraglide/messages';
import { requestFormatLocale } from '$lib/server/i18n';
import { formatDay } from '$lib/dates';

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
	const what = changes.length ? `: ${changes.join('; ')}` : m.e_expense_conflict_version({ version: currentVersion });
	throw new DomainError(409, 'stale_version', m.e_expense_conflict({ what }), { version: m.e_expense_changed() });
}

/** What changed between two versions, in words for the person whose save was refused. */
export function describeChanges(seen: Expense, now: Expense, currency: string): string[] {
	const changes: string[] = [];
	const locale = requestFormatLocale();
	if (seen.description !== now.description) changes.push(m.ch_description({ value: now.description }));
	if (seen.amountMinor !== now.amountMinor)
		changes.push(m.ch_amount({ now: formatMoney(now.amountMinor, currency, locale), was: formatMoney(seen.amountMinor, currency, locale) }));
	if (seen.spentOn !== now.spentOn) changes.push(m.ch_date({ value: formatDay(now.spentOn, locale) }));
	if (seen.category !== now.category) changes.push(m.ch_category({ value: now.category }));
	if (JSON.stringify(seen.payers) !== JSON.stringify(now.payers)) changes.push(m.ch_payers());
	if (JSON.stringify(seen.shares) !== JSON.stringify(now.shares) || JSON.stringify(seen.split) !== JSON.stringify(now.split)) changes.push(m.ch_split());
	if (seen.notes !== now.notes) changes.push(m.ch_notes());
	if (seen.deleted !== now.deleted) changes.push(now.deleted ? m.ch_deleted() : m.ch_restored());
	return changes;
}
