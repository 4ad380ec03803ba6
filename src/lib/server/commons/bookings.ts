/**
 * Bookings of the house's shared things. The rules a thing sets are checked here (pure:
 * $lib/commons/booking-rules.ts); that two bookings never overlap is the database's to
 * say (the exclusion constraint of migration 23), so two people taking the same slot at
 * the same instant cannot both have it: one is told who has it.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { getDb } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import type { Bookings } from '$lib/server/db/generated';
import { DomainError, forbidden, notFound, pgErrorCode } from '$lib/server/errors';
import { audit } from '$lib/server/activity/log';
import { isUuid } from '$lib/server/ids';
import { notify, membersWithLogin } from '$lib/server/notifications/outbox';
import { dueBy } from '$lib/server/households/due';
import { requestFormatLocale } from '$lib/server/i18n';
import type { MemberContext } from '$lib/server/households/context';
import { pathTo } from '$lib/paths';
import { clockIn, formatInstantRange, todayIn } from '$lib/dates';
import { HOLDING_STATUSES, type Booking, type SharedThing } from '$lib/commons/model';
import { BOOKING_REMINDER_MS, minutesBetween, monthAround, needsApproval, ruleBreaks, weeklyRepeats, type RuleBreak } from '$lib/commons/booking-rules';
import { getThing } from './things';
import type { BookingInput, BookingNote } from './schemas';
import { insertExpense } from '$lib/server/money/expenses';
import { bookingCharge } from '$lib/commons/cost';
import { m } from '$lib/paraglide/messages';

type BookingRow = Selectable<Bookings>;

/** A booking with the names a page shows. */
export type BookingView = Booking & { memberName: string; bookedByName: string };

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toBooking(row: BookingRow): Booking {
	return {
		id: row.id,
		thingId: row.thingId,
		memberId: row.memberId,
		bookedByMemberId: row.bookedByMemberId,
		startsAt: row.startsAt.toISOString(),
		endsAt: row.endsAt.toISOString(),
		status: row.status,
		note: row.note,
		seriesId: row.seriesId,
		checkedOutAt: iso(row.checkedOutAt),
		checkoutNote: row.checkoutNote,
		returnedAt: iso(row.returnedAt),
		returnNote: row.returnNote,
		startKm: row.startKm,
		endKm: row.endKm,
		expenseId: row.expenseId
	};
}

/** A thing's bookings that touch [from, to), in order, cancelled and declined ones left out unless asked for. */
export async function listBookings(
	householdId: string,
	thingId: string,
	window: { from: Date; to: Date; withCancelled?: boolean },
	db: Kysely<Database> = getDb()
): Promise<BookingView[]> {
	let query = db
		.selectFrom('bookings')
		.innerJoin('members as m', (join) => join.onRef('m.householdId', '=', 'bookings.householdId').onRef('m.id', '=', 'bookings.memberId'))
		.innerJoin('members as b', (join) => join.onRef('b.householdId', '=', 'bookings.householdId').onRef('b.id', '=', 'bookings.bookedByMemberId'))
		.selectAll('bookings')
		.select(['m.displayName as memberName', 'b.displayName as bookedByName'])
		.where('bookings.householdId', '=', householdId)
		.where('bookings.thingId', '=', thingId)
		.where('bookings.startsAt', '<', window.to)
		.where('bookings.endsAt', '>', window.from);
	if (!window.withCancelled) query = query.where('bookings.status', 'in', [...HOLDING_STATUSES]);
	const rows = await query.orderBy('bookings.startsAt').limit(500).execute();
	return rows.map((row) => ({ ...toBooking(row), memberName: row.memberName, bookedByName: row.bookedByName }));
}

const DAY = 86_400_000;

/** A booking as calendars show it, with the names they need. */
export interface CalendarBooking {
	id: string;
	thingId: string;
	thing: string;
	memberId: string;
	memberName: string;
	bookedByMemberId: string;
	startsAt: Date;
	endsAt: Date;
	status: Booking['status'];
}

/** The most bookings one calendar shows: a bound on the work a feed or page does for a busy house. */
const CALENDAR_LIMIT = 5000;

/** Every thing's bookings that touch [from, to), in order (one member's when `memberId` is given): for the chore calendar and its feeds. */
export async function bookingsBetween(householdId: string, from: Date, to: Date, memberId?: string): Promise<CalendarBooking[]> {
	let query = getDb()
		.selectFrom('bookings')
		.innerJoin('sharedThings as t', (join) => join.onRef('t.householdId', '=', 'bookings.householdId').onRef('t.id', '=', 'bookings.thingId'))
		.innerJoin('members as m', (join) => join.onRef('m.householdId', '=', 'bookings.householdId').onRef('m.id', '=', 'bookings.memberId'))
		.select([
			'bookings.id',
			'bookings.thingId',
			't.name as thing',
			'bookings.memberId',
			'm.displayName as memberName',
			'bookings.bookedByMemberId',
			'bookings.startsAt',
			'bookings.endsAt',
			'bookings.status'
		])
		.where('bookings.householdId', '=', householdId)
		.where('bookings.status', 'in', [...HOLDING_STATUSES])
		.where('bookings.startsAt', '<', to)
		.where('bookings.endsAt', '>', from);
	if (memberId) query = query.where('bookings.memberId', '=', memberId);
	return query.orderBy('bookings.startsAt').limit(CALENDAR_LIMIT).execute();
}
/** The most one list of bookings may span: a quarter. */
export const MAX_WINDOW_DAYS = 92;

/** The API's list: a thing's bookings in a window (from now for 30 days by default), as the API serves them. */
export async function bookingsOfThing(
	householdId: string,
	thingId: string,
	window: { from?: Date; to?: Date; withCancelled: boolean },
	now = new Date()
): Promise<Booking[]> {
	const thing = await getThing(householdId, thingId);
	const from = window.from ?? now;
	const to = window.to ?? new Date(from.getTime() + 30 * DAY);
	if (to.getTime() <= from.getTime() || to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY) {
		const message = m.v_booking_window({ days: MAX_WINDOW_DAYS });
		throw new DomainError(400, 'bad_window', message, { to: message });
	}
	const rows = await listBookings(householdId, thing.id, { from, to, withCancelled: window.withCancelled });
	return rows.map(({ memberName: _member, bookedByName: _bookedBy, ...booking }) => booking);
}

/** The words for a broken rule, next to the field a person would change. */
function refusal(broken: RuleBreak[]): DomainError {
	const fields: Record<string, string> = {};
	const hours = (minutes: number) => String(Math.round((minutes / 60) * 10) / 10);
	for (const b of broken) {
		const [field, message] =
			b.rule === 'ends_before_start'
				? ['endsAt', m.e_booking_ends_before()]
				: b.rule === 'in_past'
					? ['startsAt', m.e_booking_past()]
					: b.rule === 'too_long'
						? ['endsAt', m.e_booking_too_long({ hours: hours(b.maxMinutes) })]
						: b.rule === 'too_far_ahead'
							? ['startsAt', m.e_booking_too_far({ days: String(b.maxDays) })]
							: b.rule === 'monthly_limit'
								? ['endsAt', m.e_booking_monthly({ hours: hours(b.maxMinutes), used: hours(b.usedMinutes) })]
								: b.rule === 'member_left'
									? ['memberId', m.e_booking_member_left()]
									: b.rule === 'child_needs_adult'
										? ['memberId', m.e_booking_child()]
										: b.rule === 'only_adults_book_for_others'
											? ['memberId', m.e_booking_for_others()]
											: ['memberId', m.e_booking_role()];
		fields[field] ??= message;
	}
	return new DomainError(422, 'rule_broken', Object.values(fields)[0]!, fields);
}

const taken = (holder: { memberName: string; startsAt: Date; endsAt: Date } | null, timezone: string) => {
	const message = holder
		? m.e_booking_taken({ name: holder.memberName, when: formatInstantRange(holder.startsAt, holder.endsAt, timezone, requestFormatLocale()) })
		: m.e_booking_taken_now();
	return new DomainError(409, 'taken', message, { startsAt: message });
};

/** The holding booking that a span [startsAt, blockedUntil) would touch, if any. */
async function holderOf(db: Kysely<Database>, householdId: string, thingId: string, startsAt: Date, blockedUntil: Date) {
	return db
		.selectFrom('bookings')
		.innerJoin('members', (join) => join.onRef('members.householdId', '=', 'bookings.householdId').onRef('members.id', '=', 'bookings.memberId'))
		.select(['members.displayName as memberName', 'bookings.startsAt', 'bookings.endsAt'])
		.where('bookings.householdId', '=', householdId)
		.where('bookings.thingId', '=', thingId)
		.where('bookings.status', 'in', [...HOLDING_STATUSES])
		.where('bookings.startsAt', '<', blockedUntil)
		.where('bookings.blockedUntil', '>', startsAt)
		.orderBy('bookings.startsAt')
		.executeTakeFirst();
}

/** Minutes a member holds on a thing in each month (by start, on the house's clock), read under the member's lock. */
async function monthMinutes(db: Kysely<Database>, householdId: string, thingId: string, memberId: string, month: { from: Date; to: Date }): Promise<number> {
	const row = await db
		.selectFrom('bookings')
		.select(sql<number>`coalesce(sum(ceil(extract(epoch from ends_at - starts_at) / 60)), 0)::int`.as('minutes'))
		.where('householdId', '=', householdId)
		.where('thingId', '=', thingId)
		.where('memberId', '=', memberId)
		.where('status', 'in', [...HOLDING_STATUSES])
		.where('startsAt', '>=', month.from)
		.where('startsAt', '<', month.to)
		.executeTakeFirstOrThrow();
	return row.minutes;
}

async function findMember(db: Kysely<Database>, householdId: string, memberId: string) {
	const row = await db
		.selectFrom('members')
		.select(['id', 'displayName', 'role', 'active', 'isAdmin'])
		.where('householdId', '=', householdId)
		.where('id', '=', memberId)
		.executeTakeFirst();
	if (!row) throw new DomainError(422, 'unknown_member', m.v_member_pick(), { memberId: m.v_member_pick() });
	return row;
}

/** One member's bookings of one thing are checked one at a time (the hours per month hold under parallel taps). */
async function lockMemberOnThing(db: Kysely<Database>, thingId: string, memberId: string): Promise<void> {
	await sql`select pg_advisory_xact_lock(hashtextextended(${`booking:${thingId}:${memberId}`}, 0))`.execute(db);
}

export interface BookingResult {
	bookings: Booking[];
	/** Weekly repeats someone else holds already: left out, said so. */
	skipped: Array<{ startsAt: string; endsAt: string; takenBy: string }>;
}

/**
 * Books a thing for the caller, or (an adult) for another member; `repeatWeeks` > 1 books
 * the same time each week, leaving out the weeks someone else has it. A thing that needs
 * approval holds the slot as "pending" until an admin says yes or no.
 */
export async function book(context: MemberContext, thingId: string, input: BookingInput, now = new Date()): Promise<BookingResult> {
	const householdId = context.household.id;
	const timezone = context.household.timezone;
	const thing = await getThing(householdId, thingId);
	if (!thing.active) throw new DomainError(409, 'retired', m.e_thing_retired());
	const memberId = input.memberId ?? context.member.id;
	const repeats = weeklyRepeats(new Date(input.startsAt), new Date(input.endsAt), input.repeatWeeks, timezone);
	try {
		return await getDb()
			.transaction()
			.execute(async (trx) => {
				const member = await findMember(trx, householdId, memberId);
				await lockMemberOnThing(trx, thingId, memberId);
				const bookedBy = { role: context.member.role, isAdmin: context.member.isAdmin, self: memberId === context.member.id };
				const used = new Map<string, number>();
				const free: typeof repeats = [];
				const skipped: BookingResult['skipped'] = [];
				for (const [index, repeat] of repeats.entries()) {
					const month = monthAround(repeat.startsAt, timezone);
					const key = month.from.toISOString();
					const usedBefore = used.get(key) ?? (await monthMinutes(trx, householdId, thingId, memberId, month));
					const broken = ruleBreaks(thing.rules, { ...repeat, now, member, bookedBy, monthMinutesUsed: usedBefore });
					if (broken.length) throw refusal(broken);
					const blockedUntil = new Date(repeat.endsAt.getTime() + thing.rules.bufferMinutes * 60_000);
					const holder = await holderOf(trx, householdId, thingId, repeat.startsAt, blockedUntil);
					if (holder && index === 0 && repeats.length === 1) throw taken(holder, timezone);
					if (holder) {
						skipped.push({ startsAt: repeat.startsAt.toISOString(), endsAt: repeat.endsAt.toISOString(), takenBy: holder.memberName });
						continue;
					}
					used.set(key, usedBefore + minutesBetween(repeat.startsAt, repeat.endsAt));
					free.push(repeat);
				}
				if (free.length === 0) throw taken(null, timezone);
				const status = needsApproval(thing.rules, context.member) ? 'pending' : 'confirmed';
				const seriesId = repeats.length > 1 ? crypto.randomUUID() : null;
				const rows = await trx
					.insertInto('bookings')
					.values(
						free.map((repeat) => ({
							householdId,
							thingId,
							memberId,
							bookedByMemberId: context.member.id,
							startsAt: repeat.startsAt,
							endsAt: repeat.endsAt,
							blockedUntil: new Date(repeat.endsAt.getTime() + thing.rules.bufferMinutes * 60_000),
							status,
							note: input.note,
							seriesId
						}))
					)
					.returningAll()
					.execute();
				const first = free[0]!;
				const when = { day: todayIn(timezone, first.startsAt), from: clockIn(timezone, first.startsAt), until: clockIn(timezone, first.endsAt) };
				await audit(trx, context, {
					action: status === 'pending' ? 'booking.requested' : 'booking.made',
					subjectType: 'booking',
					subjectId: rows[0]!.id,
					facts: { actor: context.member.displayName, thing: thing.name, name: member.displayName, ...when, count: rows.length }
				});
				// A booking starting before the next daily catch-up brings it forward, so its reminder is written in time.
				await dueBy(trx, householdId, new Date(Math.max(now.getTime(), first.startsAt.getTime() - BOOKING_REMINDER_MS)));
				if (status === 'pending')
					await notify(trx, {
						householdId,
						kind: 'booking.requested',
						actorMemberId: context.member.id,
						facts: { actor: context.member.displayName, thing: thing.name, ...when },
						path: pathTo('/h/[hid]/things/[sid]', { hid: householdId, sid: thingId }),
						recipients: await membersWithLogin(trx, householdId, { adminsOnly: true })
					});
				return { bookings: rows.map(toBooking), skipped };
			});
	} catch (error) {
		// Someone took the slot between the look and the write: the database refused the second.
		if (pgErrorCode(error) !== '23P01') throw error;
		const first = repeats[0]!;
		const holder = await holderOf(getDb(), householdId, thingId, first.startsAt, new Date(first.endsAt.getTime() + thing.rules.bufferMinutes * 60_000));
		throw taken(holder ?? null, timezone);
	}
}

/** The booking, locked, with its thing: for the changes below. */
async function lockBooking(db: Kysely<Database>, householdId: string, bookingId: string) {
	if (!isUuid(bookingId)) throw notFound(m.thing_booking);
	const row = await db.selectFrom('bookings').selectAll().where('householdId', '=', householdId).where('id', '=', bookingId).forUpdate().executeTakeFirst();
	if (!row) throw notFound(m.thing_booking);
	return row;
}

/** Its member, whoever made it, or an admin. */
function mayChange(context: MemberContext, row: BookingRow): void {
	if (context.member.isAdmin || row.memberId === context.member.id || row.bookedByMemberId === context.member.id) return;
	throw forbidden(m.e_booking_not_yours());
}

async function change(
	context: MemberContext,
	bookingId: string,
	work: (trx: Kysely<Database>, row: BookingRow, thing: SharedThing) => Promise<{ set: Partial<BookingRow>; action: string; facts?: Record<string, unknown> }>
): Promise<Booking> {
	const householdId = context.household.id;
	const timezone = context.household.timezone;
	return getDb()
		.transaction()
		.execute(async (trx) => {
			const row = await lockBooking(trx, householdId, bookingId);
			const thing = await getThing(householdId, row.thingId, trx);
			const { set, action, facts } = await work(trx, row, thing);
			const updated = await trx
				.updateTable('bookings')
				.set(set)
				.where('householdId', '=', householdId)
				.where('id', '=', bookingId)
				.returningAll()
				.executeTakeFirstOrThrow();
			const when = { day: todayIn(timezone, row.startsAt), from: clockIn(timezone, row.startsAt), until: clockIn(timezone, row.endsAt) };
			await audit(trx, context, {
				action,
				subjectType: 'booking',
				subjectId: bookingId,
				facts: { actor: context.member.displayName, thing: thing.name, ...when, ...facts }
			});
			return toBooking(updated);
		});
}

const notHolding = () => new DomainError(409, 'not_holding', m.e_booking_not_holding());

/** Frees the slot: the booking's member, who made it, or an admin; not after it ended. */
export async function cancelBooking(context: MemberContext, bookingId: string, now = new Date()): Promise<Booking> {
	return change(context, bookingId, async (_trx, row) => {
		mayChange(context, row);
		if (!HOLDING_STATUSES.includes(row.status)) throw notHolding();
		if (row.endsAt.getTime() <= now.getTime()) throw new DomainError(409, 'over', m.e_booking_over());
		return { set: { status: 'cancelled' }, action: 'booking.cancelled' };
	});
}

/** An admin says yes or no to a pending booking; its maker hears of it. */
export async function decideBooking(context: MemberContext, bookingId: string, approve: boolean): Promise<Booking> {
	if (!context.member.isAdmin) throw forbidden(m.e_admin_only());
	return change(context, bookingId, async (trx, row, thing) => {
		if (row.status !== 'pending') throw new DomainError(409, 'decided', m.e_booking_decided());
		await notify(trx, {
			householdId: context.household.id,
			kind: 'booking.decided',
			actorMemberId: context.member.id,
			facts: { actor: context.member.displayName, thing: thing.name, approved: approve, day: todayIn(context.household.timezone, row.startsAt) },
			path: pathTo('/h/[hid]/things/[sid]', { hid: context.household.id, sid: row.thingId }),
			recipients: [...new Set([row.bookedByMemberId, row.memberId])]
		});
		return {
			set: { status: approve ? 'confirmed' : 'declined', decidedByMemberId: context.member.id },
			action: approve ? 'booking.approved' : 'booking.declined'
		};
	});
}

/** Gives a booking to another member, who must be one the thing's rules let book it. */
export async function handOver(context: MemberContext, bookingId: string, toMemberId: string, now = new Date()): Promise<Booking> {
	return change(context, bookingId, async (trx, row, thing) => {
		mayChange(context, row);
		if (!HOLDING_STATUSES.includes(row.status) || row.endsAt.getTime() <= now.getTime()) throw notHolding();
		const member = await findMember(trx, context.household.id, toMemberId);
		await lockMemberOnThing(trx, row.thingId, toMemberId);
		const used = await monthMinutes(trx, context.household.id, row.thingId, toMemberId, monthAround(row.startsAt, context.household.timezone));
		const bookedBy = { role: context.member.role, isAdmin: context.member.isAdmin, self: toMemberId === context.member.id };
		const broken = ruleBreaks(thing.rules, { startsAt: row.startsAt, endsAt: row.endsAt, now: row.startsAt, member, bookedBy, monthMinutesUsed: used }).filter(
			(b) => b.rule !== 'in_past' && b.rule !== 'too_far_ahead' && b.rule !== 'too_long'
		);
		if (broken.length) throw refusal(broken);
		return { set: { memberId: toMemberId }, action: 'booking.handed_over', facts: { name: member.displayName } };
	});
}

/** "Took the car at 48 210 km": noted when the thing is taken. */
export async function checkOut(context: MemberContext, bookingId: string, input: BookingNote, now = new Date()): Promise<Booking> {
	return change(context, bookingId, async (_trx, row, thing) => {
		mayChange(context, row);
		if (row.status !== 'confirmed') throw notHolding();
		if (row.checkedOutAt) throw new DomainError(409, 'checked_out', m.e_booking_checked_out());
		// Counted by the km: the reading now is what the cost is counted from.
		if (thing.cost?.unit === 'km' && input.km === undefined) throw new DomainError(422, 'km_needed', m.e_booking_km_start(), { km: m.e_booking_km_start() });
		return { set: { checkedOutAt: now, checkoutNote: input.note, startKm: input.km ?? null }, action: 'booking.checked_out', facts: { note: input.note } };
	});
}

/**
 * "Left the tank half full": noted when it comes back. A thing that costs something
 * becomes an expense now, once: paid by its owner, owed by whoever had it (a child's
 * booking by the adult who made it); nothing when they are the owner.
 */
export async function returnThing(context: MemberContext, bookingId: string, input: BookingNote, now = new Date()): Promise<Booking> {
	return change(context, bookingId, async (trx, row, thing) => {
		mayChange(context, row);
		if (!row.checkedOutAt) throw new DomainError(409, 'not_checked_out', m.e_booking_not_checked_out());
		if (row.returnedAt) throw new DomainError(409, 'returned', m.e_booking_returned());
		const endKm = input.km ?? null;
		// (Taken out before the thing cost anything: no reading to count from, nothing charged.)
		if (thing.cost?.unit === 'km' && row.startKm !== null && (endKm === null || endKm < row.startKm)) {
			const message = m.e_booking_km_needed({ km: String(row.startKm) });
			throw new DomainError(422, 'km_needed', message, { km: message });
		}
		const expenseId = thing.cost ? await chargeFor(trx, context, { ...row, endKm }, thing, thing.cost) : null;
		await tellNextBooker(trx, context, row, thing, input.note, now);
		return { set: { returnedAt: now, returnNote: input.note, endKm, expenseId }, action: 'booking.returned', facts: { note: input.note } };
	});
}

/** Whoever has the thing next (within a week) hears it is back, and what was said of it. */
async function tellNextBooker(trx: Kysely<Database>, context: MemberContext, row: BookingRow, thing: SharedThing, note: string, now: Date): Promise<void> {
	const next = await trx
		.selectFrom('bookings')
		.select(['memberId', 'bookedByMemberId'])
		.where('householdId', '=', context.household.id)
		.where('thingId', '=', row.thingId)
		.where('status', '=', 'confirmed')
		.where('id', '<>', row.id)
		.where('startsAt', '>=', row.startsAt)
		.where('startsAt', '<', new Date(now.getTime() + 7 * DAY))
		.orderBy('startsAt')
		.executeTakeFirst();
	if (!next) return;
	await notify(trx, {
		householdId: context.household.id,
		kind: 'booking.returned',
		actorMemberId: context.member.id,
		facts: { actor: context.member.displayName, thing: thing.name, note },
		path: pathTo('/h/[hid]/things/[sid]', { hid: context.household.id, sid: row.thingId }),
		recipients: [...new Set([next.memberId, next.bookedByMemberId])]
	});
}

async function chargeFor(
	trx: Kysely<Database>,
	context: MemberContext,
	row: BookingRow,
	thing: SharedThing,
	cost: NonNullable<SharedThing['cost']>
): Promise<string | null> {
	const householdId = context.household.id;
	const member = await findMember(trx, householdId, row.memberId);
	const owes = member.role === 'child' ? row.bookedByMemberId : row.memberId;
	const charge = bookingCharge(cost, row);
	if (!charge || owes === cost.paidToMemberId) return null;
	const quantity =
		charge.unit === 'hour'
			? m.shared_charge_hours({ count: charge.quantity })
			: charge.unit === 'day'
				? m.shared_charge_days({ count: charge.quantity })
				: `${charge.quantity} km`;
	const description = `${thing.name} · ${quantity}`;
	const spentOn = todayIn(context.household.timezone);
	if (cost.paidToFundId) {
		// Owed to the fund until they pay it in: no expense, no member's balance moves.
		await trx
			.insertInto('fundCharges')
			.values({ householdId, fundId: cost.paidToFundId, memberId: owes, amountMinor: charge.amountMinor, description, chargedOn: spentOn, bookingId: row.id })
			.execute();
		return null;
	}
	const id = crypto.randomUUID();
	await insertExpense(
		trx,
		context,
		{
			description,
			amountMinor: charge.amountMinor,
			spentOn,
			category: 'other',
			notes: '',
			payers: [{ memberId: cost.paidToMemberId!, amountMinor: charge.amountMinor }],
			split: { mode: 'equal', parts: [{ memberId: owes }] }
		},
		id,
		{ via: 'booking', thing: thing.name }
	);
	return id;
}
