/**
 * House funds: set up by an admin, paid into by members each month, spent from by anyone in
 * the house up to the fund's approval limit (above it, by a passed proposal, which pays once
 * as it closes). The balance is the database's (migration 26's triggers and check); every
 * spending locks the fund's row first, so parallel withdrawals are told in words, one by
 * one, and the check refuses whatever would slip past.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { getDb } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import type { Funds } from '$lib/server/db/generated';
import { DomainError, forbidden, notFound, overdrawnAsConflict, pgErrorCode } from '$lib/server/errors';
import { audit } from '$lib/server/activity/log';
import { isUuid } from '$lib/server/ids';
import { checkVersion } from '$lib/server/versions';
import type { MemberContext } from '$lib/server/households/context';
import { insertFundExpense } from '$lib/server/money/expenses';
import { categoriesOf } from '$lib/server/money/categories';
import { requestFormatLocale } from '$lib/server/i18n';
import { formatMoney } from '$lib/money/format';
import type { Expense } from '$lib/money/model';
import { todayIn } from '$lib/dates';
import { memberDues, monthlyAmounts, monthsCounted, type FundMember } from '$lib/funds/dues';
import type { Contribution, Fund, MemberDue } from '$lib/funds/model';
import type { ContributionInput, FundInput, FundPatch, FundSpendingInput, FundSpendingProposal } from './schemas';
import { m } from '$lib/paraglide/messages';

export type FundRow = Selectable<Funds>;
type Context = Pick<MemberContext, 'household' | 'member'>;

const fieldError = (status: 409 | 422, code: string, field: string, message: string) => new DomainError(status, code, message, { [field]: message });

async function fundMembers(db: Kysely<Database>, householdId: string): Promise<Array<FundMember & { displayName: string }>> {
	return db.selectFrom('members').select(['id', 'role', 'active', 'shareWeight', 'displayName']).where('householdId', '=', householdId).execute();
}

/** Each fund's dues: its payers' months so far and their charges, against what they paid in since its first month. */
async function duesOf(db: Kysely<Database>, householdId: string, rows: FundRow[], today: string): Promise<Map<string, MemberDue[]>> {
	const dues = new Map<string, MemberDue[]>();
	if (rows.length === 0) return dues;
	const ids = rows.map((row) => row.id);
	const [members, pledges, paid, charges] = await Promise.all([
		fundMembers(db, householdId),
		db.selectFrom('fundPledges').select(['fundId', 'memberId', 'monthlyMinor']).where('householdId', '=', householdId).where('fundId', 'in', ids).execute(),
		db
			.selectFrom('fundContributions as c')
			.innerJoin('funds as f', (join) => join.onRef('f.householdId', '=', 'c.householdId').onRef('f.id', '=', 'c.fundId'))
			.select((eb) => ['c.fundId', 'c.memberId', eb.fn.sum<string>('c.amountMinor').as('paidMinor')])
			.where('c.householdId', '=', householdId)
			.where('c.fundId', 'in', ids)
			.where('c.deletedAt', 'is', null)
			.where(sql<boolean>`c.paid_on >= date_trunc('month', f.contributions_from)::date`)
			.groupBy(['c.fundId', 'c.memberId'])
			.execute(),
		db
			.selectFrom('fundCharges')
			.select((eb) => ['fundId', 'memberId', eb.fn.sum<string>('amountMinor').as('chargedMinor')])
			.where('householdId', '=', householdId)
			.where('fundId', 'in', ids)
			.groupBy(['fundId', 'memberId'])
			.execute()
	]);
	for (const row of rows) {
		const pledged = new Map(pledges.filter((p) => p.fundId === row.id).map((p) => [p.memberId, p.monthlyMinor]));
		const monthly = monthlyAmounts({ id: row.id, basis: row.contributionBasis, monthlyMinor: row.monthlyMinor }, members, pledged);
		const paidIn = new Map(paid.filter((p) => p.fundId === row.id).map((p) => [p.memberId, Number(p.paidMinor)]));
		const charged = new Map(charges.filter((c) => c.fundId === row.id).map((c) => [c.memberId, Number(c.chargedMinor)]));
		dues.set(row.id, memberDues(monthly, monthsCounted(row.contributionsFrom, today), paidIn, charged));
	}
	return dues;
}

function toFund(row: FundRow, dues: MemberDue[]): Fund {
	return {
		id: row.id,
		name: row.name,
		purpose: row.purpose,
		balanceMinor: Number(row.balanceMinor),
		allowNegative: row.allowNegative,
		approvalAboveMinor: row.approvalAboveMinor,
		basis: row.contributionBasis,
		monthlyMinor: row.monthlyMinor,
		contributionsFrom: row.contributionsFrom,
		archived: row.archived,
		dues,
		version: row.version
	};
}

async function present(db: Kysely<Database>, householdId: string, rows: FundRow[], timezone: string): Promise<Fund[]> {
	const dues = await duesOf(db, householdId, rows, todayIn(timezone));
	return rows.map((row) => toFund(row, dues.get(row.id) ?? []));
}

/** The house's funds, open ones first, by name. A house has a handful: no bound needed beyond the query's. */
export async function listFunds(householdId: string, timezone: string): Promise<Fund[]> {
	const rows = await getDb().selectFrom('funds').selectAll().where('householdId', '=', householdId).orderBy('archived').orderBy('name').limit(100).execute();
	return present(getDb(), householdId, rows, timezone);
}

export async function getFund(householdId: string, fundId: string, timezone: string): Promise<Fund> {
	if (!isUuid(fundId)) throw notFound(m.thing_fund);
	const row = await getDb().selectFrom('funds').selectAll().where('householdId', '=', householdId).where('id', '=', fundId).executeTakeFirst();
	if (!row) throw notFound(m.thing_fund);
	const [fund] = await present(getDb(), householdId, [row], timezone);
	return fund!;
}

/** The fund's row, locked for the rest of the transaction; another household's answers 404. */
export async function lockFund(trx: Kysely<Database>, householdId: string, fundId: string): Promise<FundRow> {
	if (!isUuid(fundId)) throw notFound(m.thing_fund);
	const row = await trx.selectFrom('funds').selectAll().where('householdId', '=', householdId).where('id', '=', fundId).forUpdate().executeTakeFirst();
	if (!row) throw notFound(m.thing_fund);
	return row;
}

/** Pledges name members of this house, each once. */
async function checkPledges(db: Kysely<Database>, householdId: string, pledges: FundInput['pledges']): Promise<void> {
	if (pledges.length === 0) return;
	const members = new Set((await fundMembers(db, householdId)).map((member) => member.id));
	const seen = new Set<string>();
	pledges.forEach((pledge, i) => {
		if (!members.has(pledge.memberId) || seen.has(pledge.memberId)) throw fieldError(422, 'rule_broken', `pledges.${i}.memberId`, m.e_member_of_this());
		seen.add(pledge.memberId);
	});
}

async function writePledges(trx: Kysely<Database>, householdId: string, fundId: string, pledges: FundInput['pledges']): Promise<void> {
	await trx.deleteFrom('fundPledges').where('householdId', '=', householdId).where('fundId', '=', fundId).execute();
	const kept = pledges.filter((pledge) => pledge.monthlyMinor > 0);
	if (kept.length)
		await trx
			.insertInto('fundPledges')
			.values(kept.map((pledge) => ({ householdId, fundId, ...pledge })))
			.execute();
}

const nameTaken = (error: unknown) => (pgErrorCode(error) === '23505' ? fieldError(422, 'name_taken', 'name', m.e_fund_name_taken()) : error);

export async function createFund(context: MemberContext, input: FundInput): Promise<Fund> {
	if (!context.member.isAdmin) throw forbidden(m.e_fund_admin());
	const householdId = context.household.id;
	return getDb()
		.transaction()
		.execute(async (trx) => {
			await checkPledges(trx, householdId, input.pledges);
			const row = await trx
				.insertInto('funds')
				.values({
					householdId,
					name: input.name,
					purpose: input.purpose,
					allowNegative: input.allowNegative,
					approvalAboveMinor: input.approvalAboveMinor,
					contributionBasis: input.basis,
					monthlyMinor: input.monthlyMinor,
					contributionsFrom: input.contributionsFrom ?? todayIn(context.household.timezone),
					createdByMemberId: context.member.id
				})
				.returningAll()
				.executeTakeFirstOrThrow()
				.catch((error: unknown) => {
					throw nameTaken(error);
				});
			await writePledges(trx, householdId, row.id, input.pledges);
			await audit(trx, context, {
				action: 'fund.created',
				subjectType: 'fund',
				subjectId: row.id,
				facts: { actor: context.member.displayName, fund: row.name }
			});
			const [fund] = await present(trx, householdId, [row], context.household.timezone);
			return fund!;
		});
}

const describeFundField = (field: string, value: unknown): string | null => (field === 'name' ? m.change_name({ value: String(value) }) : null);

/** An admin changes the fund's terms (or archives it); `patch.version` as the edit's base (409 if someone saved since). */
export async function updateFund(context: MemberContext, fundId: string, patch: FundPatch): Promise<Fund> {
	if (!context.member.isAdmin) throw forbidden(m.e_fund_admin());
	const householdId = context.household.id;
	return getDb()
		.transaction()
		.execute(async (trx) => {
			const row = await lockFund(trx, householdId, fundId);
			const { version, pledges, basis, ...fields } = patch;
			checkVersion(m.this_fund, version, { ...row }, fields, describeFundField);
			if (pledges) await checkPledges(trx, householdId, pledges);
			const updated = await trx
				.updateTable('funds')
				.set({ ...fields, ...(basis ? { contributionBasis: basis } : {}), version: row.version + 1 })
				.where('householdId', '=', householdId)
				.where('id', '=', fundId)
				.returningAll()
				.executeTakeFirstOrThrow()
				.catch((error: unknown) => {
					throw overdrawnAsConflict(nameTaken(error));
				});
			if (pledges) await writePledges(trx, householdId, fundId, pledges);
			await audit(trx, context, {
				action: 'fund.updated',
				subjectType: 'fund',
				subjectId: fundId,
				facts: { actor: context.member.displayName, fund: updated.name }
			});
			const [fund] = await present(trx, householdId, [updated], context.household.timezone);
			return fund!;
		});
}

/** A payment into the fund, by the actor or (recorded for them) by another member of the house. */
export async function contribute(context: MemberContext, fundId: string, input: ContributionInput): Promise<Contribution> {
	const householdId = context.household.id;
	return getDb()
		.transaction()
		.execute(async (trx) => {
			const fund = await lockFund(trx, householdId, fundId);
			if (fund.archived) throw new DomainError(409, 'archived', m.e_fund_archived());
			const memberId = input.memberId ?? context.member.id;
			const member = await trx
				.selectFrom('members')
				.select(['displayName', 'active'])
				.where('householdId', '=', householdId)
				.where('id', '=', memberId)
				.executeTakeFirst();
			if (!member?.active) throw fieldError(422, 'rule_broken', 'memberId', m.e_member_of_this());
			const row = await trx
				.insertInto('fundContributions')
				.values({
					householdId,
					fundId,
					memberId,
					amountMinor: input.amountMinor,
					paidOn: input.paidOn ?? todayIn(context.household.timezone),
					note: input.note,
					createdByMemberId: context.member.id
				})
				.returning(['id', 'memberId', 'amountMinor', 'paidOn', 'note'])
				.executeTakeFirstOrThrow();
			await audit(trx, context, {
				action: 'fund.contributed',
				subjectType: 'fund',
				subjectId: fundId,
				facts: {
					actor: context.member.displayName,
					member: member.displayName,
					fund: fund.name,
					amountMinor: input.amountMinor,
					currency: context.household.currency
				}
			});
			return { ...row, deleted: false };
		});
}

/** A contribution recorded by mistake is undone (soft), and can be redone; undoing what was already spent is a 409. */
export async function setContributionDeleted(context: MemberContext, fundId: string, contributionId: string, deleted: boolean): Promise<void> {
	const householdId = context.household.id;
	if (!isUuid(contributionId)) throw notFound(m.thing_payment);
	await getDb()
		.transaction()
		.execute(async (trx) => {
			const fund = await lockFund(trx, householdId, fundId);
			const row = await trx
				.updateTable('fundContributions')
				.set({ deletedAt: deleted ? new Date() : null })
				.where('householdId', '=', householdId)
				.where('fundId', '=', fundId)
				.where('id', '=', contributionId)
				.where('deletedAt', deleted ? 'is' : 'is not', null)
				.returning(['amountMinor'])
				.executeTakeFirst()
				.catch((error: unknown) => {
					throw overdrawnAsConflict(error);
				});
			if (!row) throw notFound(m.thing_payment);
			await audit(trx, context, {
				action: deleted ? 'fund.contribution_undone' : 'fund.contribution_redone',
				subjectType: 'fund',
				subjectId: fundId,
				facts: { actor: context.member.displayName, fund: fund.name, amountMinor: row.amountMinor, currency: context.household.currency }
			});
		});
}

/** Spending from the fund: an expense the fund pays. Above the fund's approval limit, a proposal is the way. */
export async function spendFromFund(context: MemberContext, fundId: string, input: FundSpendingInput): Promise<Expense> {
	return getDb()
		.transaction()
		.execute(async (trx) => spendLocked(trx, context, await lockFund(trx, context.household.id, fundId), input, {}));
}

/**
 * Spends from a locked fund inside the caller's transaction. `origin.via === 'proposal'`:
 * the house approved it, so the approval limit does not apply (the balance still does).
 */
export async function spendLocked(
	trx: Kysely<Database>,
	context: Context,
	fund: FundRow,
	input: FundSpendingInput,
	origin: Record<string, string>
): Promise<Expense> {
	const money = (minor: number) => formatMoney(minor, context.household.currency, requestFormatLocale());
	if (fund.archived) throw new DomainError(409, 'archived', m.e_fund_archived());
	if (origin.via !== 'proposal' && fund.approvalAboveMinor !== null && input.amountMinor > fund.approvalAboveMinor) {
		throw fieldError(422, 'needs_proposal', 'amountMinor', m.e_fund_needs_proposal({ limit: money(fund.approvalAboveMinor) }));
	}
	if (!fund.allowNegative && input.amountMinor > Number(fund.balanceMinor)) {
		throw fieldError(422, 'fund_short', 'amountMinor', m.e_fund_short({ fund: fund.name, balance: money(Number(fund.balanceMinor)) }));
	}
	const spending = { ...input, spentOn: input.spentOn ?? todayIn(context.household.timezone), notes: input.notes ?? '' };
	return insertFundExpense(trx, context, fund, spending, crypto.randomUUID(), origin).catch((error: unknown) => {
		throw overdrawnAsConflict(error);
	});
}

/** What a proposal to spend from a fund must be when it opens: an open fund of this house, a known category. */
export async function checkFundSpending(trx: Kysely<Database>, householdId: string, spending: FundSpendingProposal): Promise<void> {
	const fund = await trx.selectFrom('funds').select(['archived']).where('householdId', '=', householdId).where('id', '=', spending.fundId).executeTakeFirst();
	if (!fund || fund.archived) throw fieldError(422, 'rule_broken', 'fundSpending.fundId', m.v_fund_pick());
	const categories = await categoriesOf(trx, householdId);
	if (!categories.some((c) => c.key === spending.category)) throw fieldError(422, 'rule_broken', 'fundSpending.category', m.e_category_of_household());
}
