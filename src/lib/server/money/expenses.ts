/** Changing expenses: check and share, add, edit (refusing stale saves), delete and restore. */
import { rememberSplit } from '$lib/server/households/defaults';
import type { Kysely } from 'kysely';
import { getDb } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import { DomainError, notFound, overdrawnAsConflict } from '$lib/server/errors';
import { isUuid } from '$lib/server/ids';
import { audit } from '$lib/server/activity/log';
import type { MemberContext } from '$lib/server/households/context';
import { categoriesOf } from './categories';
import { computeShares, SplitError } from '$lib/money/splits';
import type { Expense } from '$lib/money/model';
import { loadExpense } from './expense-queries';
import { refuseStaleSave, saveVersion } from './expense-versions';
import type { ExpenseInput, ExpensePatch } from './schemas';
import { m } from '$lib/paraglide/messages';
import { notify } from '$lib/server/notifications/outbox';
import { pathTo } from '$lib/paths';

function rule(message: string, field: string): DomainError {
	return new DomainError(422, 'rule_broken', message, { [field]: message });
}

/**
 * Checks what only the household can tell (active members, known category, payers
 * summing to the amount) and computes the shares. Throws 422 with field messages.
 * Also the check of an expense a proposal would add (checked as it opens).
 * `alreadyIn`: on an edit, who paid or shared before it; members who left since stay
 * valid there (their old expenses stay editable), only someone new must be active.
 */
export async function checkAndShare(
	db: Kysely<Database>,
	householdId: string,
	input: ExpenseInput,
	expenseId: string,
	alreadyIn: ReadonlySet<string> = new Set()
) {
	const members = await db.selectFrom('members').select(['id', 'shareWeight', 'active']).where('householdId', '=', householdId).execute();
	const active = new Map(members.filter((m) => m.active || alreadyIn.has(m.id)).map((m) => [m.id, m.shareWeight]));
	input.payers.forEach((payer, i) => {
		if (!active.has(payer.memberId)) throw rule(m.e_payers_active(), `payers.${i}.memberId`);
	});
	if (new Set(input.payers.map((p) => p.memberId)).size !== input.payers.length) throw rule(m.e_payer_once(), 'payers');
	const paid = input.payers.reduce((sum, p) => sum + p.amountMinor, 0);
	if (paid !== input.amountMinor) {
		const off = input.amountMinor - paid;
		throw rule(m.e_payers_sum({ off: off > 0 ? m.e_less_minor({ count: off }) : m.e_more_minor({ count: -off }) }), 'payers');
	}
	input.split.parts.forEach((part, i) => {
		if (!active.has(part.memberId)) throw rule(m.e_split_active(), `split.parts.${i}.memberId`);
	});
	// In the caller's transaction: a second pool connection per save starves the pool under load.
	const categories = await categoriesOf(db, householdId);
	if (!categories.some((c) => c.key === input.category)) throw rule(m.e_category_of_household(), 'category');
	try {
		return computeShares(input.amountMinor, input.split, active, expenseId);
	} catch (error) {
		if (error instanceof SplitError) {
			const fields: Record<string, string> = { split: error.message };
			for (const [index, message] of Object.entries(error.parts)) fields[`split.parts.${index}.value`] = message;
			throw new DomainError(422, 'split_invalid', error.message, fields);
		}
		throw error;
	}
}

/** The columns an expense's input fills, on insert and on edit alike. */
function expenseColumns(input: ExpenseInput) {
	return {
		description: input.description,
		amountMinor: input.amountMinor,
		spentOn: input.spentOn,
		category: input.category,
		notes: input.notes ?? '',
		splitMode: input.split.mode,
		splitParts: JSON.stringify(input.split.parts)
	};
}

async function writeLines(
	db: Kysely<Database>,
	householdId: string,
	expenseId: string,
	input: ExpenseInput,
	shares: Array<{ memberId: string; amountMinor: number }>
) {
	await db.deleteFrom('expensePayers').where('householdId', '=', householdId).where('expenseId', '=', expenseId).execute();
	await db.deleteFrom('expenseShares').where('householdId', '=', householdId).where('expenseId', '=', expenseId).execute();
	await db
		.insertInto('expensePayers')
		.values(input.payers.map((p) => ({ householdId, expenseId, memberId: p.memberId, amountMinor: p.amountMinor })))
		.execute();
	await db
		.insertInto('expenseShares')
		.values(shares.map((s) => ({ householdId, expenseId, memberId: s.memberId, amountMinor: s.amountMinor })))
		.execute();
}

/**
 * `id` may come from the form that previewed the split (so the preview's tie-break is
 * the saved one); a second submission with the same id returns the first expense
 * instead of adding a duplicate.
 */
export async function createExpense(context: MemberContext, input: ExpenseInput, id: string = crypto.randomUUID()): Promise<Expense> {
	const householdId = context.household.id;
	if (!isUuid(id)) throw new DomainError(400, 'invalid_input', m.e_expense_id());
	return getDb()
		.transaction()
		.execute(async (trx) => {
			// By the primary key (household, id): the same id in another household is another expense.
			const existing = await trx
				.selectFrom('expenses')
				.select(['householdId', 'createdByMemberId'])
				.where('householdId', '=', householdId)
				.where('id', '=', id)
				.executeTakeFirst();
			if (existing) {
				if (existing.createdByMemberId === context.member.id) return loadExpense(trx, householdId, id);
				throw new DomainError(409, 'duplicate', m.e_expense_exists());
			}
			const created = await insertExpense(trx, context, input, id);
			// The next expense this payer makes starts the same way (when the house remembers).
			if (created && input.payers.length === 1) await rememberSplit(trx, householdId, input.payers[0]!.memberId, input.split.mode);
			return created ?? loadExpense(trx, householdId, id);
		});
}

/**
 * Inserts an expense with its payers, shares, first version and log entry, inside the
 * caller's transaction. Null when a parallel insert of the same id won.
 */
export async function insertExpense(
	trx: Kysely<Database>,
	context: Pick<MemberContext, 'household' | 'member'>,
	input: ExpenseInput,
	id: string,
	/** How it came to be, when not typed in by the actor: imported, a recurring period, a passed proposal. */
	origin: Record<string, string> = {}
): Promise<Expense | null> {
	const householdId = context.household.id;
	const shares = await checkAndShare(trx, householdId, input, id);
	const inserted = await trx
		.insertInto('expenses')
		.values({ householdId, id, ...expenseColumns(input), createdByMemberId: context.member.id })
		.onConflict((oc) => oc.columns(['householdId', 'id']).doNothing())
		.returning('id')
		.executeTakeFirst();
	if (!inserted) return null;
	await writeLines(trx, householdId, id, input, shares);
	const created = await recordCreated(trx, context, id, origin);
	// An import of a whole history would bury everyone in notifications: only what is added now is told.
	if (origin.via !== 'splitwise') await tellInvolved(trx, context, 'expense.added', created);
	return created;
}

/**
 * An expense a house fund pays (migration 26), inside the caller's transaction, which has
 * checked the fund and locked its row: no payer, no shares (no member's balance moves);
 * the fund's balance drops by trigger. Only the category is the household's to check.
 */
export async function insertFundExpense(
	trx: Kysely<Database>,
	context: Pick<MemberContext, 'household' | 'member'>,
	fund: { id: string; name: string },
	input: Omit<ExpenseInput, 'payers' | 'split'>,
	id: string,
	origin: Record<string, string> = {}
): Promise<Expense> {
	const householdId = context.household.id;
	const categories = await categoriesOf(trx, householdId);
	if (!categories.some((c) => c.key === input.category)) throw rule(m.e_category_of_household(), 'category');
	await trx
		.insertInto('expenses')
		.values({
			householdId,
			id,
			...expenseColumns({ ...input, payers: [], split: { mode: 'equal', parts: [] } }),
			fundId: fund.id,
			createdByMemberId: context.member.id
		})
		.execute();
	return recordCreated(trx, context, id, { fund: fund.name, ...origin });
}

/** A new expense's first version and its line in the log (`origin`: how it came to be, what it was paid from). */
async function recordCreated(
	trx: Kysely<Database>,
	context: Pick<MemberContext, 'household' | 'member'>,
	id: string,
	origin: Record<string, string>
): Promise<Expense> {
	const householdId = context.household.id;
	const created = await loadExpense(trx, householdId, id);
	await saveVersion(trx, householdId, created, context.member.id);
	await audit(trx, context, {
		action: 'expense.created',
		subjectType: 'expense',
		subjectId: id,
		facts: {
			actor: context.member.displayName,
			description: created.description,
			amountMinor: created.amountMinor,
			currency: context.household.currency,
			spentOn: created.spentOn,
			...origin
		},
		details: { after: created }
	});
	return created;
}

/** Everyone who paid or has a share is told, with their share (not the actor). */
async function tellInvolved(
	trx: Kysely<Database>,
	context: Pick<MemberContext, 'household' | 'member'>,
	kind: 'expense.added' | 'expense.changed',
	expense: Expense,
	before?: Expense
): Promise<void> {
	const involved = [...expense.payers, ...expense.shares, ...(before ? [...before.payers, ...before.shares] : [])].map((line) => line.memberId);
	await notify(trx, {
		householdId: context.household.id,
		kind,
		actorMemberId: context.member.id,
		facts: {
			actor: context.member.displayName,
			description: expense.description,
			amountMinor: expense.amountMinor,
			currency: context.household.currency,
			shares: Object.fromEntries(expense.shares.map((line) => [line.memberId, line.amountMinor]))
		},
		path: pathTo('/h/[hid]/expenses/[eid]', { hid: context.household.id, eid: expense.id }),
		recipients: involved
	});
}

/** Refuses a save made from a stale version (409) rather than overwriting someone's edit. */
export async function updateExpense(context: MemberContext, expenseId: string, patch: ExpensePatch): Promise<Expense> {
	const householdId = context.household.id;
	if (!isUuid(expenseId)) throw notFound(m.thing_expense);
	return getDb()
		.transaction()
		.execute(async (trx) => {
			const row = await trx
				.selectFrom('expenses')
				.selectAll()
				.where('householdId', '=', householdId)
				.where('id', '=', expenseId)
				.forUpdate()
				.executeTakeFirst();
			if (!row) throw notFound(m.thing_expense);
			const before = await loadExpense(trx, householdId, expenseId);
			if (row.deletedAt) throw new DomainError(409, 'deleted', m.e_expense_deleted());
			// Its amount is the fund's money: undone (deleted) and spent again, never rewritten in place.
			if (row.fundId) throw new DomainError(409, 'paid_from_fund', m.e_expense_from_fund());
			if (row.version !== patch.version) await refuseStaleSave(trx, householdId, before, row.version, patch.version, context.household.currency);
			const { version: _version, ...changes } = patch;
			const input: ExpenseInput = {
				description: before.description,
				amountMinor: before.amountMinor,
				spentOn: before.spentOn,
				category: before.category,
				notes: before.notes,
				payers: before.payers,
				split: before.split,
				...changes
			};
			const alreadyIn = new Set([
				...before.payers.map((p) => p.memberId),
				...before.shares.map((s) => s.memberId),
				...before.split.parts.map((p) => p.memberId)
			]);
			const shares = await checkAndShare(trx, householdId, input, expenseId, alreadyIn);
			await trx
				.updateTable('expenses')
				.set({ ...expenseColumns(input), version: row.version + 1, updatedAt: new Date() })
				.where('householdId', '=', householdId)
				.where('id', '=', expenseId)
				.execute();
			await writeLines(trx, householdId, expenseId, input, shares);
			const after = await loadExpense(trx, householdId, expenseId);
			await saveVersion(trx, householdId, after, context.member.id);
			await audit(trx, context, {
				action: 'expense.updated',
				subjectType: 'expense',
				subjectId: expenseId,
				facts: { actor: context.member.displayName, description: after.description },
				details: { before, after }
			});
			await tellInvolved(trx, context, 'expense.changed', after, before);
			return after;
		});
}

/** Soft delete (`deleted: true`), undone by the same call with `deleted: false`. */
export async function setExpenseDeleted(context: MemberContext, expenseId: string, deleted: boolean): Promise<Expense> {
	const householdId = context.household.id;
	if (!isUuid(expenseId)) throw notFound(m.thing_expense);
	return getDb()
		.transaction()
		.execute(async (trx) => {
			const row = await trx
				.updateTable('expenses')
				.set((eb) => ({ deletedAt: deleted ? new Date() : null, version: eb('version', '+', 1), updatedAt: new Date() }))
				.where('householdId', '=', householdId)
				.where('id', '=', expenseId)
				.where('deletedAt', deleted ? 'is' : 'is not', null)
				.returning(['description', 'version'])
				.executeTakeFirst()
				// Restoring spending the fund no longer holds the money for.
				.catch((error: unknown) => {
					throw overdrawnAsConflict(error);
				});
			if (!row) {
				const exists = await trx.selectFrom('expenses').select('id').where('householdId', '=', householdId).where('id', '=', expenseId).executeTakeFirst();
				if (!exists) throw notFound(m.thing_expense);
				throw new DomainError(409, deleted ? 'already_deleted' : 'not_deleted', deleted ? m.e_expense_already_deleted() : m.e_expense_not_deleted());
			}
			await audit(trx, context, {
				action: deleted ? 'expense.deleted' : 'expense.restored',
				subjectType: 'expense',
				subjectId: expenseId,
				facts: { actor: context.member.displayName, description: row.description }
			});
			const expense = await loadExpense(trx, householdId, expenseId);
			await saveVersion(trx, householdId, expense, context.member.id);
			return expense;
		});
}
