import { sql, type Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { getDb } from '$lib/server/db';
import { audit } from '$lib/server/activity/log';
import { DomainError, notFound } from '$lib/server/errors';
import { isUuid } from '$lib/server/ids';
import type { MemberContext } from '$lib/server/households/context';
import { todayIn } from '$lib/dates';
import { suggestTransfers, type Balance, type Transfer } from '$lib/money/transfers';
import type { SettlementInput } from './schemas';
import { m } from '$lib/paraglide/messages';
import { notify } from '$lib/server/notifications/outbox';
import { pathTo } from '$lib/paths';

/**
 * Each member's net position, summed by Postgres: paid − owed + settlements paid −
 * settlements received, over expenses and settlements that are not deleted. Members
 * who left are included while their balance is not zero.
 */
export async function getBalances(householdId: string): Promise<{ balances: Balance[]; transfers: Transfer[] }> {
	// member_balances is kept by triggers (migrations 09 and 19): reading it costs the same whatever the
	// history's length. A member's balance is the sum of their (at most eight) stripes.
	const rows = await getDb()
		.selectFrom('members as m')
		.leftJoin(
			(eb) =>
				eb
					.selectFrom('memberBalances')
					.select((inner) => ['memberId', inner.fn.sum<string>('netMinor').as('netMinor')])
					.where('householdId', '=', householdId)
					.groupBy('memberId')
					.as('b'),
			(join) => join.onRef('b.memberId', '=', 'm.id')
		)
		.select((eb) => ['m.id as memberId', 'm.active', eb.fn.coalesce('b.netMinor', sql<string>`0`).as('netMinor')])
		.where('m.householdId', '=', householdId)
		.orderBy('m.displayName')
		.execute();
	const balances = rows
		.map((r) => ({ memberId: r.memberId, netMinor: Number(r.netMinor), active: r.active }))
		.filter((b) => b.active || b.netMinor !== 0)
		.map(({ memberId, netMinor }) => ({ memberId, netMinor }));
	return { balances, transfers: suggestTransfers(balances) };
}

/** The same balances summed from the whole history: the ledger's check, for tests. */
export async function balancesFromHistory(householdId: string): Promise<Map<string, number>> {
	const { rows } = await sql<{ memberId: string; netMinor: string }>`
		with lines as (
			select p.member_id, p.amount_minor as amount from expense_payers p
				join expenses e on e.household_id = p.household_id and e.id = p.expense_id and e.deleted_at is null
				where p.household_id = ${householdId}
			union all
			select s.member_id, -s.amount_minor from expense_shares s
				join expenses e on e.household_id = s.household_id and e.id = s.expense_id and e.deleted_at is null
				where s.household_id = ${householdId}
			union all
			select from_member_id, amount_minor from settlements where household_id = ${householdId} and deleted_at is null
			union all
			select to_member_id, -amount_minor from settlements where household_id = ${householdId} and deleted_at is null
		)
		select member_id, sum(amount)::bigint as net_minor from lines group by member_id`.execute(getDb());
	return new Map(rows.map((r) => [r.memberId, Number(r.netMinor)]));
}

export type RecordedSettlement = { id: string; fromMemberId: string; toMemberId: string; amountMinor: number; paidOn: string; note: string };

export async function recordSettlement(context: MemberContext, input: SettlementInput): Promise<RecordedSettlement> {
	return getDb()
		.transaction()
		.execute(async (trx) => {
			const recorded = await insertSettlement(trx, context, input);
			// Whoever was paid hears of it (an import's history does not: it goes through insertSettlement alone).
			const from = await trx
				.selectFrom('members')
				.select('displayName')
				.where('householdId', '=', context.household.id)
				.where('id', '=', input.fromMemberId)
				.executeTakeFirstOrThrow();
			await notify(trx, {
				householdId: context.household.id,
				kind: 'payment.received',
				actorMemberId: context.member.id,
				facts: { from: from.displayName, amountMinor: input.amountMinor, currency: context.household.currency },
				path: pathTo('/h/[hid]/balances', { hid: context.household.id }),
				recipients: [input.toMemberId]
			});
			return recorded;
		});
}

/** A payment between two members with its log entry, inside the caller's transaction. */
export async function insertSettlement(
	trx: Kysely<Database>,
	context: Pick<MemberContext, 'household' | 'member'>,
	input: SettlementInput
): Promise<RecordedSettlement> {
	const householdId = context.household.id;
	const members = await trx
		.selectFrom('members')
		.select(['id', 'displayName'])
		.where('householdId', '=', householdId)
		.where('id', 'in', [input.fromMemberId, input.toMemberId])
		.execute();
	const nameOf = new Map(members.map((m) => [m.id, m.displayName]));
	for (const field of ['fromMemberId', 'toMemberId'] as const) {
		if (!nameOf.has(input[field])) throw new DomainError(422, 'rule_broken', m.e_member_of_this(), { [field]: m.e_member_of_this() });
	}
	const row = await trx
		.insertInto('settlements')
		.values({
			householdId,
			fromMemberId: input.fromMemberId,
			toMemberId: input.toMemberId,
			amountMinor: input.amountMinor,
			paidOn: input.paidOn ?? todayIn(context.household.timezone),
			note: input.note ?? '',
			createdByMemberId: context.member.id
		})
		.returning(['id', 'fromMemberId', 'toMemberId', 'amountMinor', 'paidOn', 'note'])
		.executeTakeFirstOrThrow();
	await audit(trx, context, {
		action: 'settlement.recorded',
		subjectType: 'settlement',
		subjectId: row.id,
		facts: {
			from: nameOf.get(input.fromMemberId) ?? '',
			to: nameOf.get(input.toMemberId) ?? '',
			amountMinor: input.amountMinor,
			currency: context.household.currency
		},
		details: { after: input }
	});
	return row;
}

export interface SettlementItem {
	id: string;
	fromMemberId: string;
	toMemberId: string;
	amountMinor: number;
	paidOn: string;
	note: string;
	deleted: boolean;
}

/** The latest payments, newest first (undone ones included, marked). */
export async function listSettlements(householdId: string, limit = 20): Promise<SettlementItem[]> {
	const rows = await getDb()
		.selectFrom('settlements')
		.select(['id', 'fromMemberId', 'toMemberId', 'amountMinor', 'paidOn', 'note', 'deletedAt'])
		.where('householdId', '=', householdId)
		.orderBy('paidOn', 'desc')
		.orderBy('createdAt', 'desc')
		.limit(limit)
		.execute();
	return rows.map(({ deletedAt, ...row }) => ({ ...row, deleted: deletedAt !== null }));
}

/** A payment recorded by mistake is undone (soft), and can be redone. */
export async function setSettlementDeleted(context: MemberContext, settlementId: string, deleted: boolean): Promise<void> {
	const householdId = context.household.id;
	if (!isUuid(settlementId)) throw notFound(m.thing_payment);
	await getDb()
		.transaction()
		.execute(async (trx) => {
			const row = await trx
				.updateTable('settlements')
				.set({ deletedAt: deleted ? new Date() : null })
				.where('householdId', '=', householdId)
				.where('id', '=', settlementId)
				.where('deletedAt', deleted ? 'is' : 'is not', null)
				.returning(['amountMinor'])
				.executeTakeFirst();
			if (!row) throw notFound(m.thing_payment);
			await audit(trx, context, {
				action: deleted ? 'settlement.undone' : 'settlement.redone',
				subjectType: 'settlement',
				subjectId: settlementId,
				facts: { actor: context.member.displayName, amountMinor: row.amountMinor, currency: context.household.currency }
			});
		});
}
