/**
 * Reminders the house's own clock raises, written by its catch-up step (job or guard):
 * chores due today, left undone yesterday, or someone's turn tomorrow; proposals closing
 * within a day for those who have not voted. Each is keyed by what it is about (the
 * chore and day, the proposal), so running the step again, on another instance or after
 * a restart, writes nothing twice.
 */
import { sql } from 'kysely';
import { getDb } from '$lib/server/db';
import { plusDays, todayIn } from '$lib/dates';
import { pathTo } from '$lib/paths';
import { atLocalTime } from '$lib/dates';
import { planInput, planWithoutBlocking, type HouseholdRef } from '$lib/server/chores/plan-input';
import { notify } from './outbox';
import { bookingsBetween } from '$lib/server/commons/bookings';
import { BOOKING_REMINDER_MS } from '$lib/commons/booking-rules';

const DAY_MS = 86_400_000;
/** Chore reminders go in the morning; "your turn tomorrow" the evening before (quiet hours still hold them). */
export const MORNING = '08:00';
export const EVENING = '18:00';

/** When those who have not voted are reminded: a day before the close. */
export const closingReminderAt = (closesAt: Date) => new Date(closesAt.getTime() - DAY_MS);

/** Today's, yesterday's undone and tomorrow's chores: one reminder each for the one whose turn it is. */
export async function remindChores(household: HouseholdRef, now = new Date()): Promise<number> {
	const today = todayIn(household.timezone, now);
	const [yesterday, tomorrow] = [plusDays(today, -1), plusDays(today, 1)];
	const db = getDb();
	const input = await planInput(db, household, yesterday, tomorrow);
	const planned = await planWithoutBlocking({ ...input, today });
	let written = 0;
	for (const o of planned) {
		if (o.status !== 'pending' || !o.assigneeMemberId) continue;
		const kind = o.dueOn === today ? 'chore.due' : o.dueOn === yesterday ? 'chore.overdue' : 'chore.next';
		const notBefore = atLocalTime(today, kind === 'chore.next' ? EVENING : MORNING, household.timezone);
		const id = await db.transaction().execute((trx) =>
			notify(
				trx,
				{
					householdId: household.id,
					kind,
					actorMemberId: null,
					facts: { chore: o.choreName, day: o.dueOn },
					path: pathTo('/h/[hid]/chores/[cid]', { hid: household.id, cid: o.choreId }),
					recipients: [o.assigneeMemberId!],
					dedupeKey: `${kind}:${o.choreId}:${o.dueOn}`,
					notBefore
				},
				now
			)
		);
		if (id) written++;
	}
	return written;
}

/** Proposals closing within a day: those who may vote and have not are reminded once. */
export async function remindClosingSoon(householdId: string, now = new Date()): Promise<number> {
	const db = getDb();
	const soon = await db
		.selectFrom('proposals')
		.select(['id', 'title', 'closesAt', 'authorMemberId'])
		.where('householdId', '=', householdId)
		.where('status', '=', 'open')
		.where('closesAt', '>', now)
		.where('closesAt', '<=', new Date(now.getTime() + DAY_MS))
		// A vote opened for less than a day was just announced: no second call.
		.where(sql<boolean>`created_at < closes_at - interval '1 day'`)
		.execute();
	let written = 0;
	for (const proposal of soon) {
		const waiting = await sql<{ memberId: string }>`
			select v.member_id from proposal_voters v
			where v.household_id = ${householdId} and v.proposal_id = ${proposal.id}
			and not exists (select 1 from votes b where b.household_id = v.household_id and b.proposal_id = v.proposal_id and b.member_id = v.member_id)`.execute(db);
		const id = await db.transaction().execute((trx) =>
			notify(
				trx,
				{
					householdId,
					kind: 'proposal.closing',
					actorMemberId: null,
					facts: { title: proposal.title, closesAt: proposal.closesAt.toISOString() },
					path: pathTo('/h/[hid]/proposals/[pid]', { hid: householdId, pid: proposal.id }),
					recipients: waiting.rows.map((r) => r.memberId),
					dedupeKey: `proposal.closing:${proposal.id}`
				},
				now
			)
		);
		if (id) written++;
	}
	return written;
}

/**
 * Bookings starting before the end of tomorrow: whoever has it (and the adult who booked
 * for a child) hears two hours before, once per booking.
 */
export async function remindBookings(household: HouseholdRef, now = new Date()): Promise<number> {
	const db = getDb();
	const until = atLocalTime(plusDays(todayIn(household.timezone, now), 2), '00:00', household.timezone);
	const soon = (await bookingsBetween(household.id, now, until)).filter((booking) => booking.status === 'confirmed' && booking.startsAt > now);
	let written = 0;
	for (const booking of soon) {
		const id = await db.transaction().execute((trx) =>
			notify(
				trx,
				{
					householdId: household.id,
					kind: 'booking.soon',
					actorMemberId: null,
					facts: { thing: booking.thing, startsAt: booking.startsAt.toISOString(), memberId: booking.memberId, name: booking.memberName },
					path: pathTo('/h/[hid]/things/[sid]', { hid: household.id, sid: booking.thingId }),
					recipients: [...new Set([booking.memberId, booking.bookedByMemberId])],
					dedupeKey: `booking.soon:${booking.id}`,
					notBefore: new Date(booking.startsAt.getTime() - BOOKING_REMINDER_MS)
				},
				now
			)
		);
		if (id) written++;
	}
	return written;
}
