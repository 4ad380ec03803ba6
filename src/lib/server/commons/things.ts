/**
 * The house's shared things (rooms, vehicles, tools, appliances) and their booking rules.
 * Admins add and change them; everyone sees them. A thing is retired, not deleted, so its
 * past bookings keep their name.
 */
import type { Kysely, Selectable } from 'kysely';
import { getDb } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import type { SharedThings } from '$lib/server/db/generated';
import { DomainError, notFound, pgErrorCode } from '$lib/server/errors';
import { audit } from '$lib/server/activity/log';
import { isUuid } from '$lib/server/ids';
import { checkVersion } from '$lib/server/versions';
import type { MemberContext } from '$lib/server/households/context';
import { THING_KIND_LABELS, type SharedThing } from '$lib/commons/model';
import { listMembers } from '$lib/server/households/members';
import { memberChoices, type Choice } from '$lib/forms/choices';
import type { ThingInput, ThingPatch } from './schemas';
import { FUND_CHOICE } from './forms';
import { m } from '$lib/paraglide/messages';

type ThingRow = Selectable<SharedThings>;

export function toThing(row: ThingRow): SharedThing {
	return {
		id: row.id,
		name: row.name,
		kind: row.kind,
		description: row.description,
		rules: {
			bookableBy: row.bookableBy,
			maxBookingMinutes: row.maxBookingMinutes,
			maxDaysAhead: row.maxDaysAhead,
			monthlyMinutesPerMember: row.monthlyMinutesPerMember,
			bufferMinutes: row.bufferMinutes,
			needsApproval: row.needsApproval
		},
		cost:
			row.costMinor !== null && row.costUnit !== null
				? { amountMinor: row.costMinor, unit: row.costUnit, paidToMemberId: row.paidToMemberId, paidToFundId: row.paidToFundId }
				: null,
		active: row.active,
		version: row.version
	};
}

/** The columns a cost fills (null: free). */
const costColumns = (cost: ThingInput['cost']) => ({
	costMinor: cost?.amountMinor ?? null,
	costUnit: cost?.unit ?? null,
	paidToMemberId: cost?.paidToMemberId ?? null,
	paidToFundId: cost?.paidToFundId ?? null
});

/** Whoever is paid must be in the house still; a fund paid into, one of the house's open funds. */
async function checkPaidTo(db: Kysely<Database>, householdId: string, cost: ThingInput['cost'] | undefined): Promise<void> {
	if (!cost) return;
	const paidTo = cost.paidToFundId
		? await db
				.selectFrom('funds')
				.select('id')
				.where('householdId', '=', householdId)
				.where('id', '=', cost.paidToFundId)
				.where('archived', '=', false)
				.executeTakeFirst()
		: await db
				.selectFrom('members')
				.select('id')
				.where('householdId', '=', householdId)
				.where('id', '=', cost.paidToMemberId!)
				.where('active', '=', true)
				.executeTakeFirst();
	if (!paidTo) throw new DomainError(422, 'unknown_member', m.v_cost_paid_to(), { 'cost.paidToMemberId': m.v_cost_paid_to() });
}

/** Whom a thing's cost may be paid to, as the form's select lists them: the members in the house, then its open funds. */
export async function payeeChoices(householdId: string): Promise<Choice[]> {
	const [members, funds] = await Promise.all([
		listMembers(householdId),
		getDb().selectFrom('funds').select(['id', 'name']).where('householdId', '=', householdId).where('archived', '=', false).orderBy('name').limit(100).execute()
	]);
	return [
		...memberChoices(members.filter((member) => member.active)),
		...funds.map((fund) => ({ value: `${FUND_CHOICE}${fund.id}`, label: m.shared_paid_into_fund({ fund: fund.name }) }))
	];
}

/** The house's things, the ones in use first, by name. */
export async function listThings(householdId: string): Promise<SharedThing[]> {
	const rows = await getDb().selectFrom('sharedThings').selectAll().where('householdId', '=', householdId).orderBy('active', 'desc').orderBy('name').execute();
	return rows.map(toThing);
}

export async function getThing(householdId: string, thingId: string, db: Kysely<Database> = getDb()): Promise<SharedThing> {
	if (!isUuid(thingId)) throw notFound(m.thing_shared_thing);
	const row = await db.selectFrom('sharedThings').selectAll().where('householdId', '=', householdId).where('id', '=', thingId).executeTakeFirst();
	if (!row) throw notFound(m.thing_shared_thing);
	return toThing(row);
}

const nameTaken = () => new DomainError(409, 'name_taken', m.e_thing_name_taken(), { name: m.e_thing_name_taken() });

/** Admins only (the route's guard says so). */
export async function createThing(context: MemberContext, input: ThingInput): Promise<SharedThing> {
	const householdId = context.household.id;
	try {
		return await getDb()
			.transaction()
			.execute(async (trx) => {
				await checkPaidTo(trx, householdId, input.cost);
				const row = await trx
					.insertInto('sharedThings')
					.values({ householdId, name: input.name, kind: input.kind, description: input.description, ...input.rules, ...costColumns(input.cost) })
					.returningAll()
					.executeTakeFirstOrThrow();
				await audit(trx, context, {
					action: 'thing.added',
					subjectType: 'shared_thing',
					subjectId: row.id,
					facts: { actor: context.member.displayName, name: row.name }
				});
				return toThing(row);
			});
	} catch (error) {
		if (pgErrorCode(error) === '23505') throw nameTaken();
		throw error;
	}
}

const describeThingField = (field: string, value: unknown): string | null =>
	field === 'name'
		? m.change_name({ value: String(value) })
		: field === 'kind'
			? m.change_kind({ value: THING_KIND_LABELS[value as SharedThing['kind']] ?? '' })
			: null;

/** Admins only; `patch.version` is the version the edit was made from (409 if someone saved since). */
export async function updateThing(context: MemberContext, thingId: string, patch: ThingPatch): Promise<SharedThing> {
	const householdId = context.household.id;
	if (!isUuid(thingId)) throw notFound(m.thing_shared_thing);
	try {
		return await getDb()
			.transaction()
			.execute(async (trx) => {
				const current = await trx
					.selectFrom('sharedThings')
					.selectAll()
					.where('householdId', '=', householdId)
					.where('id', '=', thingId)
					.forUpdate()
					.executeTakeFirst();
				if (!current) throw notFound(m.thing_shared_thing);
				const before = toThing(current);
				const { version, rules, cost, ...fields } = patch;
				checkVersion(m.this_thing, version, { ...before }, fields, describeThingField);
				await checkPaidTo(trx, householdId, cost);
				const row = await trx
					.updateTable('sharedThings')
					.set({ ...fields, ...rules, ...(cost === undefined ? {} : costColumns(cost)), version: before.version + 1 })
					.where('householdId', '=', householdId)
					.where('id', '=', thingId)
					.returningAll()
					.executeTakeFirstOrThrow();
				await audit(trx, context, {
					action: 'thing.changed',
					subjectType: 'shared_thing',
					subjectId: thingId,
					facts: { actor: context.member.displayName, name: row.name },
					details: { before, after: toThing(row) }
				});
				return toThing(row);
			});
	} catch (error) {
		if (pgErrorCode(error) === '23505') throw nameTaken();
		throw error;
	}
}

/** Each thing's booking now or next (its holder and when), for the list of things. */
export async function nextBookings(
	householdId: string,
	now = new Date()
): Promise<Map<string, { memberName: string; startsAt: Date; endsAt: Date; status: string }>> {
	const rows = await getDb()
		.selectFrom('bookings')
		.innerJoin('members', (join) => join.onRef('members.householdId', '=', 'bookings.householdId').onRef('members.id', '=', 'bookings.memberId'))
		.distinctOn('bookings.thingId')
		.select(['bookings.thingId', 'members.displayName as memberName', 'bookings.startsAt', 'bookings.endsAt', 'bookings.status'])
		.where('bookings.householdId', '=', householdId)
		.where('bookings.status', 'in', ['pending', 'confirmed'])
		.where('bookings.endsAt', '>', now)
		.orderBy('bookings.thingId')
		.orderBy('bookings.startsAt')
		.execute();
	return new Map(rows.map(({ thingId, ...next }) => [thingId, next]));
}
