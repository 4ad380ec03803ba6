/**
 * Recurring expenses (rent on the 1st, the internet bill): a template that creates the
 * real expense once per period. The run row (template + period, unique) is inserted in
 * the same transaction as the expense, so two servers running the job at once, or the
 * job and a page view catching up lazily, still create each period's expense once.
 */
import { sql } from 'kysely';
import { getDb } from '$lib/server/db';
import type { Household, RecurringExpenseRow } from '$lib/server/db/schema';
import { DomainError, notFound } from '$lib/server/errors';
import { isUuid } from '$lib/server/ids';
import { audit } from '$lib/server/activity/log';
import type { MemberContext } from '$lib/server/households/context';
import { plusDays, todayIn } from '$lib/dates';
import { dueDates, nextDueDate, type RecurringSchedule } from '$lib/money/recurrence';
import { sweepItem } from '$lib/server/sweeps';
import { checkVersion, type Describe } from '$lib/server/versions';
import { insertExpense } from './expenses';
import type { RecurringInput } from './schemas';
import { m } from '$lib/paraglide/messages';

/** However long the app was down, one catch-up creates at most this many periods per template. */
const MAX_CATCH_UP = 36;

export interface RecurringExpense {
	id: string;
	description: string;
	amountMinor: number;
	category: string;
	payers: Array<{ memberId: string; amountMinor: number }>;
	split: RecurringExpenseRow['split'];
	schedule: RecurringSchedule;
	paused: boolean;
	nextDueOn: string | null;
	version: number;
}

function scheduleOf(row: RecurringExpenseRow): RecurringSchedule {
	return { kind: row.scheduleKind, interval: row.interval, dayOfMonth: row.dayOfMonth, weekday: row.weekday, startOn: row.startsOn, endOn: row.endsOn };
}

function present(row: RecurringExpenseRow, today: string, lastRun: string | null): RecurringExpense {
	const schedule = scheduleOf(row);
	return {
		id: row.id,
		description: row.description,
		amountMinor: row.amountMinor,
		category: row.category,
		payers: row.payers,
		split: row.split,
		schedule,
		paused: row.paused,
		version: row.version,
		nextDueOn: row.paused ? null : nextDueDate(schedule, lastRun && lastRun > today ? lastRun : today < row.startsOn ? plusDays(row.startsOn, -1) : today)
	};
}

/** The columns a template's input fills, on create and on edit alike. */
function templateColumns(input: RecurringInput) {
	return {
		description: input.description,
		amountMinor: input.amountMinor,
		category: input.category,
		notes: input.notes ?? '',
		payers: JSON.stringify(input.payers),
		split: JSON.stringify(input.split),
		scheduleKind: input.schedule.kind,
		interval: input.schedule.interval,
		dayOfMonth: input.schedule.kind === 'monthly' ? (input.schedule.dayOfMonth ?? null) : null,
		weekday: input.schedule.kind === 'weekly' ? (input.schedule.weekday ?? null) : null,
		startsOn: input.schedule.startOn,
		endsOn: input.schedule.endOn ?? null
	};
}

/** Checks the template like an expense (members, payers, split) by dry-running it, then stores it. */
export async function createRecurring(context: MemberContext, input: RecurringInput): Promise<RecurringExpense> {
	const householdId = context.household.id;
	await dryRun(context, input);
	const row = await getDb()
		.transaction()
		.execute(async (trx) => {
			const created = await trx
				.insertInto('recurringExpenses')
				.values({ householdId, ...templateColumns(input), createdByMemberId: context.member.id })
				.returningAll()
				.executeTakeFirstOrThrow();
			await audit(trx, context, {
				action: 'recurring.created',
				subjectType: 'recurring',
				subjectId: created.id,
				facts: {
					actor: context.member.displayName,
					description: input.description,
					amountMinor: input.amountMinor,
					currency: context.household.currency,
					kind: input.schedule.kind
				},
				details: { after: input }
			});
			return created;
		});
	await runDueRecurring(householdId);
	return present(row, todayIn(context.household.timezone), null);
}

export async function getRecurring(householdId: string, recurringId: string, timezone: string): Promise<RecurringExpense & { notes: string }> {
	if (!isUuid(recurringId)) throw notFound(m.thing_recurring);
	const row = await getDb().selectFrom('recurringExpenses').selectAll().where('householdId', '=', householdId).where('id', '=', recurringId).executeTakeFirst();
	if (!row) throw notFound(m.thing_recurring);
	const last = await getDb()
		.selectFrom('recurringRuns')
		.select((eb) => eb.fn.max('period').as('last'))
		.where('householdId', '=', householdId)
		.where('recurringId', '=', recurringId)
		.executeTakeFirst();
	return { ...present(row, todayIn(timezone), (last?.last as string | null) ?? null), notes: row.notes };
}

const describeRecurringField: Describe = (field, value) =>
	field === 'description'
		? m.change_description({ value: String(value) })
		: field === 'amountMinor'
			? m.change_amount()
			: field === 'category'
				? m.change_category({ value: String(value) })
				: field === 'payers'
					? m.change_payers()
					: field === 'split'
						? m.change_split()
						: field === 'schedule'
							? m.change_schedule()
							: null;

/**
 * Changes the template; expenses already created stay as they were, the next periods follow the new terms.
 * `expectedVersion`: the version the form was opened on (409 if someone saved since).
 */
export async function updateRecurring(context: MemberContext, recurringId: string, input: RecurringInput, expectedVersion?: number): Promise<RecurringExpense> {
	const householdId = context.household.id;
	const before = await getRecurring(householdId, recurringId, context.household.timezone);
	await dryRun(context, input);
	const row = await getDb()
		.transaction()
		.execute(async (trx) => {
			const locked = await trx
				.selectFrom('recurringExpenses')
				.selectAll()
				.where('householdId', '=', householdId)
				.where('id', '=', recurringId)
				.forUpdate()
				.executeTakeFirstOrThrow();
			const saved = present(locked, todayIn(context.household.timezone), null);
			checkVersion(
				m.this_recurring,
				expectedVersion,
				{ ...saved },
				{ description: input.description, amountMinor: input.amountMinor, category: input.category, payers: input.payers, split: input.split },
				describeRecurringField
			);
			const updated = await trx
				.updateTable('recurringExpenses')
				.set({ ...templateColumns(input), version: locked.version + 1 })
				.where('householdId', '=', householdId)
				.where('id', '=', recurringId)
				.returningAll()
				.executeTakeFirstOrThrow();
			await audit(trx, context, {
				action: 'recurring.updated',
				subjectType: 'recurring',
				subjectId: recurringId,
				facts: { actor: context.member.displayName, description: input.description },
				details: { before, after: input }
			});
			return updated;
		});
	await runDueRecurring(householdId);
	return present(row, todayIn(context.household.timezone), null);
}

/** Validates a template by creating its first expense in a transaction that is always rolled back. */
async function dryRun(context: MemberContext, input: RecurringInput): Promise<void> {
	const trx = await getDb().startTransaction().execute();
	try {
		await insertExpense(trx, context, { ...input, spentOn: input.schedule.startOn }, crypto.randomUUID());
	} finally {
		await trx.rollback().execute();
	}
}

export async function listRecurring(householdId: string, timezone: string): Promise<RecurringExpense[]> {
	const db = getDb();
	const rows = await db.selectFrom('recurringExpenses').selectAll().where('householdId', '=', householdId).orderBy('description').execute();
	const runs = await db
		.selectFrom('recurringRuns')
		.select(['recurringId', (eb) => eb.fn.max('period').as('last')])
		.where('householdId', '=', householdId)
		.groupBy('recurringId')
		.execute();
	const lastOf = new Map(runs.map((r) => [r.recurringId, r.last as string | null]));
	const today = todayIn(timezone);
	return rows.map((row) => present(row, today, lastOf.get(row.id) ?? null));
}

/** Pause, resume, or end (from today on) a template. */
export async function changeRecurring(context: MemberContext, recurringId: string, change: 'pause' | 'resume' | 'end'): Promise<void> {
	const householdId = context.household.id;
	if (!isUuid(recurringId)) throw notFound(m.thing_recurring);
	const today = todayIn(context.household.timezone);
	await getDb()
		.transaction()
		.execute(async (trx) => {
			const row = await trx
				.selectFrom('recurringExpenses')
				.select(['description', 'startsOn'])
				.where('householdId', '=', householdId)
				.where('id', '=', recurringId)
				.forUpdate()
				.executeTakeFirst();
			if (!row) throw notFound(m.thing_recurring);
			if (change === 'end' && row.startsOn > today) throw new DomainError(409, 'not_started', m.e_not_started());
			await trx
				.updateTable('recurringExpenses')
				.set(change === 'end' ? { endsOn: today, paused: false } : { paused: change === 'pause' })
				.where('householdId', '=', householdId)
				.where('id', '=', recurringId)
				.execute();
			await audit(trx, context, {
				action: `recurring.${change === 'end' ? 'ended' : change === 'pause' ? 'paused' : 'resumed'}`,
				subjectType: 'recurring',
				subjectId: recurringId,
				facts: { actor: context.member.displayName, description: row.description }
			});
		});
}

/**
 * Creates every period's expense that is due by today in the household's time zone and
 * not created yet. Returns how many it created. Safe to run anywhere, any number of times.
 */
export async function runDueRecurring(householdId: string): Promise<number> {
	const db = getDb();
	const household = await db
		.selectFrom('households')
		.select(['id', 'name', 'currency', 'timezone', 'locale', 'createdAt', 'version', 'demoExpiresAt'])
		.where('id', '=', householdId)
		.executeTakeFirst();
	if (!household) return 0;
	const today = todayIn(household.timezone);
	const templates = await db
		.selectFrom('recurringExpenses')
		.selectAll()
		.where('householdId', '=', householdId)
		.where('paused', '=', false)
		.where('startsOn', '<=', today)
		.execute();
	let created = 0;
	for (const template of templates) {
		const done = new Set(
			(await db.selectFrom('recurringRuns').select('period').where('householdId', '=', householdId).where('recurringId', '=', template.id).execute()).map(
				(r) => r.period
			)
		);
		const due = dueDates(scheduleOf(template), today)
			.filter((date) => !done.has(date))
			.slice(-MAX_CATCH_UP);
		for (const period of due) {
			// One template's failure (a payer or sharer left since it was made, a malformed
			// import) is recorded for the admins and waits until someone edits it; the rest go on.
			const made = await sweepItem('recurring-expenses', householdId, template.id, async () => {
				if (await createPeriod(template, household, period)) created++;
			});
			if (!made) break;
		}
	}
	return created;
}

async function createPeriod(template: RecurringExpenseRow, household: Household, period: string): Promise<boolean> {
	return getDb()
		.transaction()
		.execute(async (trx) => {
			const claimed = await trx
				.insertInto('recurringRuns')
				.values({ householdId: household.id, recurringId: template.id, period })
				.onConflict((oc) => oc.columns(['householdId', 'recurringId', 'period']).doNothing())
				.returning('period')
				.executeTakeFirst();
			if (!claimed) return false;
			const member = await trx
				.selectFrom('members')
				.selectAll()
				.where('householdId', '=', household.id)
				.where('id', '=', template.createdByMemberId)
				.executeTakeFirstOrThrow();
			const expense = await insertExpense(
				trx,
				{ household, member },
				{
					description: template.description,
					amountMinor: template.amountMinor,
					spentOn: period,
					category: template.category,
					notes: template.notes,
					payers: template.payers,
					split: template.split
				},
				crypto.randomUUID(),
				{ via: 'recurring' }
			);
			await trx
				.updateTable('recurringRuns')
				.set({ expenseId: expense!.id })
				.where('householdId', '=', household.id)
				.where('recurringId', '=', template.id)
				.where('period', '=', period)
				.execute();
			return true;
		});
}

/** For the job runner: every household with a template that may be due. */
export async function runAllDueRecurring(): Promise<number> {
	const households = await sql<{ householdId: string }>`select distinct household_id from recurring_expenses where not paused`.execute(getDb());
	let created = 0;
	for (const { householdId } of households.rows) {
		await sweepItem('recurring-expenses', householdId, householdId, async () => {
			created += await runDueRecurring(householdId);
		});
	}
	return created;
}
