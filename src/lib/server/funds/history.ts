/**
 * A fund's record: the latest contributions and spending, and its balance at the end of each
 * of the last months (summed by Postgres per month, so the work is the same for a fund of
 * ten years as for one of ten weeks).
 */
import { sql } from 'kysely';
import { getDb } from '$lib/server/db';
import { notFound } from '$lib/server/errors';
import { isUuid } from '$lib/server/ids';
import { m } from '$lib/paraglide/messages';
import { todayIn } from '$lib/dates';
import { balanceSeries, type BalancePoint } from '$lib/funds/dues';
import { CHART_MONTHS, type Contribution } from '$lib/funds/model';

/** How many contributions and purchases a fund's page lists. */
const RECENT = 50;

export interface FundPurchase {
	id: string;
	description: string;
	amountMinor: number;
	spentOn: string;
	category: string;
	deleted: boolean;
}

export async function recentContributions(householdId: string, fundId: string): Promise<Contribution[]> {
	const rows = await getDb()
		.selectFrom('fundContributions')
		.select(['id', 'memberId', 'amountMinor', 'paidOn', 'note', 'deletedAt'])
		.where('householdId', '=', householdId)
		.where('fundId', '=', fundId)
		.orderBy('paidOn', 'desc')
		.orderBy('createdAt', 'desc')
		.limit(RECENT)
		.execute();
	return rows.map(({ deletedAt, ...row }) => ({ ...row, deleted: deletedAt !== null }));
}

/** The latest contributions of one of the house's funds; another household's fund answers 404. */
export async function fundContributions(householdId: string, fundId: string): Promise<Contribution[]> {
	if (!isUuid(fundId)) throw notFound(m.thing_fund);
	const fund = await getDb().selectFrom('funds').select('id').where('householdId', '=', householdId).where('id', '=', fundId).executeTakeFirst();
	if (!fund) throw notFound(m.thing_fund);
	return recentContributions(householdId, fundId);
}

/** What was bought with the fund's money, newest first (undone purchases included, marked). */
export async function recentPurchases(householdId: string, fundId: string): Promise<FundPurchase[]> {
	const rows = await getDb()
		.selectFrom('expenses')
		.select(['id', 'description', 'amountMinor', 'spentOn', 'category', 'deletedAt'])
		.where('householdId', '=', householdId)
		.where('fundId', '=', fundId)
		.orderBy('spentOn', 'desc')
		.orderBy('createdAt', 'desc')
		.limit(RECENT)
		.execute();
	return rows.map(({ deletedAt, ...row }) => ({ ...row, deleted: deletedAt !== null }));
}

/** Spending from the fund the house is still deciding on: its open proposals, oldest first. */
export async function pendingRequests(householdId: string, fundId: string): Promise<Array<{ id: string; title: string; closesAt: Date }>> {
	return getDb()
		.selectFrom('proposals')
		.select(['id', 'title', 'closesAt'])
		.where('householdId', '=', householdId)
		.where('status', '=', 'open')
		.where(sql<string>`linked_expense->>'fundId'`, '=', fundId)
		.orderBy('createdAt')
		.limit(RECENT)
		.execute();
}

/** The balance at the end of each of the last CHART_MONTHS months, this one ending today. */
export async function balanceHistory(householdId: string, fundId: string, timezone: string): Promise<BalancePoint[]> {
	const { rows } = await sql<{ month: string; deltaMinor: string }>`
		select to_char(day, 'YYYY-MM-01') as month, sum(delta)::bigint as delta_minor from (
			select paid_on as day, amount_minor as delta from fund_contributions
				where household_id = ${householdId} and fund_id = ${fundId} and deleted_at is null
			union all
			select spent_on, -amount_minor from expenses
				where household_id = ${householdId} and fund_id = ${fundId} and deleted_at is null
		) lines group by 1 order by 1`.execute(getDb());
	return balanceSeries(
		rows.map((row) => ({ day: row.month, deltaMinor: Number(row.deltaMinor) })),
		todayIn(timezone),
		CHART_MONTHS
	);
}

/** Each fund's name by id: how an expense paid from a fund says which (a house has a handful). */
export async function fundNames(householdId: string): Promise<Record<string, string>> {
	const rows = await getDb().selectFrom('funds').select(['id', 'name']).where('householdId', '=', householdId).limit(100).execute();
	return Object.fromEntries(rows.map((row) => [row.id, row.name]));
}
