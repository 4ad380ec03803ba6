import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { getDb } from '../db';
import { DomainError } from '../errors';
import { refusal } from '../testing/refusal';
import { contextFor, makeHouseOfThree, makeMember } from '../testing/factories';
import { book, cancelBooking, checkOut, decideBooking, handOver, listBookings, returnThing } from './bookings';
import { createThing, getThing, listThings, updateThing } from './things';
import { thingInput, type ThingInput } from './schemas';
import { createFund, getFund } from '../funds/funds';
import { DEFAULT_THING_RULES } from '$lib/commons/model';
import { remindBookings } from '../notifications/reminders';
import { calendarPage } from '../chores/calendar-page';
import { feedIcs } from '../chores/ics';
import { regenerateFeed } from '../chores/feed-links';
import { atLocalTime, plusDays, todayIn } from '$lib/dates';

const HOUR = 3_600_000;
/** A whole hour some days ahead, so "now" never catches up with a test's bookings. */
const ahead = (days: number, hour: number) => {
	const date = new Date(Date.now() + days * 24 * HOUR);
	date.setUTCHours(hour, 0, 0, 0);
	return date;
};
const span = (days: number, from: number, to: number) => ({
	startsAt: ahead(days, from).toISOString(),
	endsAt: ahead(days, to).toISOString(),
	note: '',
	repeatWeeks: 1
});

const KITTY = {
	name: 'House kitty',
	purpose: '',
	allowNegative: false,
	approvalAboveMinor: null,
	basis: 'fixed' as const,
	monthlyMinor: 0,
	pledges: []
};
const car = (rules: Partial<ThingInput['rules']> = {}): ThingInput => ({
	name: `Car ${crypto.randomUUID().slice(0, 6)}`,
	kind: 'vehicle',
	description: '',
	cost: null,
	rules: { ...DEFAULT_THING_RULES, bookableBy: [...DEFAULT_THING_RULES.bookableBy], ...rules }
});

describe('shared things', () => {
	it('are the house’s own: another house’s thing answers “not found”', async () => {
		const one = await makeHouseOfThree('Thing House');
		const other = await makeHouseOfThree('Other House');
		const thing = await createThing(one.admin, car());
		expect((await listThings(one.admin.household.id)).map((t) => t.id)).toEqual([thing.id]);
		expect((await refusal(getThing(other.admin.household.id, thing.id))).status).toBe(404);
		expect((await refusal(book(other.admin, thing.id, span(3, 9, 10)))).status).toBe(404);
		const booking = (await book(one.admin, thing.id, span(3, 9, 10))).bookings[0]!;
		expect((await refusal(cancelBooking(other.admin, booking.id))).status).toBe(404);
	});

	it('refuses a second thing of the same name, and a stale edit with what changed', async () => {
		const { admin } = await makeHouseOfThree();
		const thing = await createThing(admin, { ...car(), name: 'The van' });
		expect((await refusal(createThing(admin, { ...car(), name: 'The van' }))).status).toBe(409);
		await updateThing(admin, thing.id, { name: 'The red van', version: thing.version });
		const stale = await refusal(updateThing(admin, thing.id, { name: 'Van', version: thing.version }));
		expect(stale.status).toBe(409);
		expect(stale.message).toContain('The red van');
		// A rename leaves the rules alone.
		const limited = await updateThing(admin, thing.id, { rules: { maxBookingMinutes: 120 } });
		expect((await updateThing(admin, thing.id, { name: 'Van' })).rules).toEqual(limited.rules);
	});
});

describe('bookings', () => {
	it('refuses an overlapping booking, naming who has the time; touching ends are fine', async () => {
		const { admin, bea } = await makeHouseOfThree();
		const thing = await createThing(admin, car());
		await book(admin, thing.id, span(2, 9, 12));
		const taken = await refusal(book(bea, thing.id, span(2, 11, 13)));
		expect(taken.status).toBe(409);
		expect(taken.code).toBe('taken');
		expect(taken.message).toContain('Founder');
		expect((await book(bea, thing.id, span(2, 12, 13))).bookings).toHaveLength(1);
	});

	it('keeps the buffer free after each booking, before and after it', async () => {
		const { admin, bea } = await makeHouseOfThree();
		const thing = await createThing(admin, car({ bufferMinutes: 60 }));
		await book(admin, thing.id, span(2, 10, 12));
		expect((await refusal(book(bea, thing.id, span(2, 12, 13)))).code).toBe('taken');
		expect((await refusal(book(bea, thing.id, span(2, 9, 10)))).code).toBe('taken');
		expect((await book(bea, thing.id, span(2, 13, 14))).bookings).toHaveLength(1);
		expect((await book(bea, thing.id, span(2, 7, 9))).bookings).toHaveLength(1);
	});

	it('lets exactly one of many people tapping the same slot at once have it (the database decides)', async () => {
		const { admin, bea } = await makeHouseOfThree();
		const others = await Promise.all(['Cy', 'Di', 'Ed'].map((name) => makeMember(admin, name)));
		const contexts = [admin, bea, ...(await Promise.all(others.map((m) => contextFor(admin.household.id, m.id))))];
		const thing = await createThing(admin, car());
		const results = await Promise.allSettled(contexts.map((context) => book(context, thing.id, span(4, 18, 20))));
		const won = results.filter((r) => r.status === 'fulfilled');
		const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(won).toHaveLength(1);
		expect(lost.map((r) => (r.reason as DomainError).status)).toEqual([409, 409, 409, 409]);
		const rows = await listBookings(admin.household.id, thing.id, { from: ahead(4, 0), to: ahead(5, 0) });
		expect(rows).toHaveLength(1);
	});

	it('holds the hours per month under parallel taps by one member', async () => {
		const { admin, bea } = await makeHouseOfThree();
		const thing = await createThing(admin, car({ monthlyMinutesPerMember: 180 }));
		// Three two-hour bookings on the same day, different times: only one fits in three hours a month.
		const results = await Promise.allSettled([8, 11, 14].map((hour) => book(bea, thing.id, span(3, hour, hour + 2))));
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect(results.filter((r) => r.status === 'rejected').map((r) => ((r as PromiseRejectedResult).reason as DomainError).code)).toEqual([
			'rule_broken',
			'rule_broken'
		]);
	});

	it('checks the thing’s rules: roles, a child booked by an adult, only adults for others', async () => {
		const { admin, bea, kid } = await makeHouseOfThree();
		const thing = await createThing(admin, car({ bookableBy: ['adult'], maxBookingMinutes: 120, maxDaysAhead: 10 }));
		expect((await refusal(book(admin, thing.id, span(2, 8, 12)))).fields.endsAt).toMatch(/2 hours/);
		expect((await refusal(book(admin, thing.id, span(20, 8, 9)))).fields.startsAt).toMatch(/10 days/);
		expect((await refusal(book(admin, thing.id, { ...span(2, 8, 9), memberId: kid.id }))).fields.memberId).toBeTruthy();
		const kids = await createThing(admin, car({ bookableBy: ['adult', 'child'] }));
		const made = await book(bea, kids.id, { ...span(2, 8, 9), memberId: kid.id });
		expect(made.bookings[0]).toMatchObject({ memberId: kid.id, bookedByMemberId: bea.member.id });
		const youth = await contextFor(admin.household.id, (await makeMember(admin, 'Teen', 'youth')).id);
		expect((await refusal(book(youth, kids.id, { ...span(3, 8, 9), memberId: bea.member.id }))).fields.memberId).toBeTruthy();
	});

	it('books weekly, leaving out the weeks someone else has and saying so', async () => {
		const { admin, bea } = await makeHouseOfThree();
		const thing = await createThing(admin, car());
		await book(admin, thing.id, span(9, 18, 20));
		const result = await book(bea, thing.id, { ...span(2, 18, 20), repeatWeeks: 3 });
		expect(result.bookings).toHaveLength(2);
		expect(result.skipped).toEqual([expect.objectContaining({ takenBy: 'Founder' })]);
		expect(new Set(result.bookings.map((b) => b.seriesId)).size).toBe(1);
	});

	it('waits for an admin when the thing needs approval; the pending booking holds the slot; a no frees it', async () => {
		const { admin, bea } = await makeHouseOfThree();
		const thing = await createThing(admin, car({ needsApproval: true }));
		const asked = (await book(bea, thing.id, span(5, 10, 12))).bookings[0]!;
		expect(asked.status).toBe('pending');
		expect((await book(admin, thing.id, span(6, 10, 12))).bookings[0]!.status).toBe('confirmed');
		expect((await refusal(book(admin, thing.id, span(5, 11, 12)))).code).toBe('taken');
		expect((await refusal(decideBooking(bea, asked.id, true))).status).toBe(403);
		const notified = await getDb()
			.selectFrom('notificationEvents')
			.select('kind')
			.where('householdId', '=', admin.household.id)
			.where('kind', '=', 'booking.requested')
			.execute();
		expect(notified).toHaveLength(1);
		expect((await decideBooking(admin, asked.id, false)).status).toBe('declined');
		expect((await refusal(decideBooking(admin, asked.id, true))).status).toBe(409);
		expect((await book(admin, thing.id, span(5, 11, 12))).bookings).toHaveLength(1);
	});

	it('is cancelled, handed over, taken out and brought back only by those it concerns', async () => {
		const { admin, bea, kid } = await makeHouseOfThree();
		const cy = await contextFor(admin.household.id, (await makeMember(admin, 'Cy')).id);
		const thing = await createThing(admin, car());
		const mine = (await book(bea, thing.id, span(3, 9, 11))).bookings[0]!;
		expect((await refusal(cancelBooking(cy, mine.id))).status).toBe(403);
		expect((await refusal(handOver(bea, mine.id, kid.id))).fields.memberId).toBeTruthy();
		expect((await handOver(bea, mine.id, cy.member.id)).memberId).toBe(cy.member.id);
		expect((await refusal(returnThing(cy, mine.id, { note: 'Back' }))).code).toBe('not_checked_out');
		expect((await checkOut(cy, mine.id, { note: '48 210 km' })).checkoutNote).toBe('48 210 km');
		expect((await returnThing(cy, mine.id, { note: 'Tank half full' })).returnNote).toBe('Tank half full');
		const other = (await book(bea, thing.id, span(4, 9, 11))).bookings[0]!;
		expect((await cancelBooking(admin, other.id)).status).toBe('cancelled');
		expect((await refusal(cancelBooking(admin, other.id))).status).toBe(409);
		// A retired thing cannot be booked.
		await updateThing(admin, thing.id, { active: false });
		expect((await refusal(book(bea, thing.id, span(6, 9, 10)))).code).toBe('retired');
	});

	it('is refused by the database itself when a write skips the domain', async () => {
		const { admin } = await makeHouseOfThree();
		const thing = await createThing(admin, car());
		await book(admin, thing.id, span(3, 9, 12));
		const overlap = sql`insert into bookings (household_id, thing_id, member_id, booked_by_member_id, starts_at, ends_at, blocked_until, status)
			values (${admin.household.id}, ${thing.id}, ${admin.member.id}, ${admin.member.id}, ${ahead(3, 10)}, ${ahead(3, 11)}, ${ahead(3, 11)}, 'confirmed')`;
		await expect(overlap.execute(getDb())).rejects.toMatchObject({ code: '23P01' });
	});

	it('charges what using it cost when it comes back, once: paid by the owner, owed by who had it (a child’s by the adult)', async () => {
		const { admin, bea, kid } = await makeHouseOfThree();
		const balance = async (memberId: string) =>
			(
				await getDb()
					.selectFrom('memberBalances')
					.select(sql<number>`sum(net_minor)::int`.as('minor'))
					.where('householdId', '=', admin.household.id)
					.where('memberId', '=', memberId)
					.executeTakeFirst()
			)?.minor ?? 0;
		const bike = await createThing(admin, {
			...car({ bookableBy: ['adult', 'child'] }),
			cost: { amountMinor: 150, unit: 'hour', paidToMemberId: admin.member.id }
		});
		const ride = (await book(bea, bike.id, span(2, 9, 11))).bookings[0]!;
		await checkOut(bea, ride.id, { note: '' });
		const back = await returnThing(bea, ride.id, { note: 'Chain oiled' });
		expect(back.expenseId).toBeTruthy();
		expect(await balance(bea.member.id)).toBe(-300);
		expect(await balance(admin.member.id)).toBe(300);
		// A child's ride is owed by the adult who booked it; the owner's own ride costs nothing.
		const kidsRide = (await book(bea, bike.id, { ...span(3, 9, 10), memberId: kid.id })).bookings[0]!;
		await checkOut(bea, kidsRide.id, { note: '' });
		await returnThing(bea, kidsRide.id, { note: '' });
		expect(await balance(bea.member.id)).toBe(-450);
		expect(await balance(kid.id)).toBe(0);
		const own = (await book(admin, bike.id, span(4, 9, 10))).bookings[0]!;
		await checkOut(admin, own.id, { note: '' });
		expect((await returnThing(admin, own.id, { note: '' })).expenseId).toBeNull();

		// By the km: the readings are needed, and the km between them are charged.
		const van = await createThing(admin, { ...car(), cost: { amountMinor: 25, unit: 'km', paidToMemberId: admin.member.id } });
		const trip = (await book(bea, van.id, span(5, 9, 12))).bookings[0]!;
		expect((await refusal(checkOut(bea, trip.id, { note: '' }))).fields.km).toBeTruthy();
		await checkOut(bea, trip.id, { note: '', km: 48_210 });
		expect((await refusal(returnThing(bea, trip.id, { note: '' }))).fields.km).toMatch(/48210/);
		expect((await refusal(returnThing(bea, trip.id, { note: '', km: 48_000 }))).code).toBe('km_needed');
		const returned = await returnThing(bea, trip.id, { note: '', km: 48_330 });
		expect(returned).toMatchObject({ startKm: 48_210, endKm: 48_330 });
		const expense = await getDb()
			.selectFrom('expenses')
			.select(['description', 'amountMinor'])
			.where('householdId', '=', admin.household.id)
			.where('id', '=', returned.expenseId!)
			.executeTakeFirstOrThrow();
		expect(expense).toEqual({ description: `${van.name} · 120 km`, amountMinor: 3000 });
		// Brought back once: a second return is refused and charges nothing more.
		expect((await refusal(returnThing(bea, trip.id, { note: '', km: 48_400 }))).code).toBe('returned');
		expect(await balance(bea.member.id)).toBe(-3450);
	});

	it('refuses a cost paid to someone outside the house, into another house’s fund, or to both a member and a fund', async () => {
		const { admin } = await makeHouseOfThree();
		const other = await makeHouseOfThree('Elsewhere');
		const refused = await refusal(createThing(admin, { ...car(), cost: { amountMinor: 100, unit: 'day', paidToMemberId: other.admin.member.id } }));
		expect(refused.fields['cost.paidToMemberId']).toBeTruthy();
		const theirs = await createFund(other.admin, { ...KITTY, name: 'Their kitty' });
		const intoTheirs = await refusal(createThing(admin, { ...car(), cost: { amountMinor: 100, unit: 'day', paidToFundId: theirs.id } }));
		expect(intoTheirs.fields['cost.paidToMemberId']).toBeTruthy();
		const ours = await createFund(admin, KITTY);
		const both = thingInput.safeParse({ ...car(), cost: { amountMinor: 100, unit: 'day', paidToMemberId: admin.member.id, paidToFundId: ours.id } });
		expect(both.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['cost.paidToMemberId']);
	});

	it('charges a ride paid into the house kitty to whoever had it (a child’s to the adult who booked), once, in what they owe the fund', async () => {
		const { admin, bea, kid } = await makeHouseOfThree();
		const kitty = await createFund(admin, KITTY);
		const bike = await createThing(admin, { ...car({ bookableBy: ['adult', 'child'] }), cost: { amountMinor: 150, unit: 'hour', paidToFundId: kitty.id } });
		expect(bike.cost).toEqual({ amountMinor: 150, unit: 'hour', paidToMemberId: null, paidToFundId: kitty.id });
		const ride = (await book(bea, bike.id, span(2, 9, 11))).bookings[0]!;
		await checkOut(bea, ride.id, { note: '' });
		expect((await returnThing(bea, ride.id, { note: '' })).expenseId).toBeNull();
		const kidsRide = (await book(bea, bike.id, { ...span(3, 9, 10), memberId: kid.id })).bookings[0]!;
		await checkOut(bea, kidsRide.id, { note: '' });
		await returnThing(bea, kidsRide.id, { note: '' });
		expect((await refusal(returnThing(bea, kidsRide.id, { note: '' }))).code).toBe('returned');
		const fund = await getFund(admin.household.id, kitty.id, admin.household.timezone);
		// Owed, not yet paid in: the balance stays, Bea is behind by both rides.
		expect(fund.balanceMinor).toBe(0);
		expect(fund.dues.find((due) => due.memberId === bea.member.id)).toMatchObject({ chargedMinor: 450, behindMinor: 450 });
		expect(fund.dues.some((due) => due.memberId === kid.id)).toBe(false);
		const expenses = await getDb().selectFrom('expenses').select('id').where('householdId', '=', admin.household.id).execute();
		expect(expenses).toEqual([]);
	});

	it('reminds whoever has it two hours before (and the adult who booked for a child), once; tells the next booker it is back', async () => {
		const { admin, bea, kid } = await makeHouseOfThree();
		const thing = await createThing(admin, car({ bookableBy: ['adult', 'child'] }));
		const soon = new Date(Date.now() + 5 * HOUR);
		soon.setUTCMinutes(0, 0, 0);
		const later = new Date(soon.getTime() + 3 * HOUR);
		const kids = (
			await book(bea, thing.id, {
				startsAt: soon.toISOString(),
				endsAt: new Date(soon.getTime() + HOUR).toISOString(),
				memberId: kid.id,
				note: '',
				repeatWeeks: 1
			})
		).bookings[0]!;
		const mine = (
			await book(admin, thing.id, { startsAt: later.toISOString(), endsAt: new Date(later.getTime() + HOUR).toISOString(), note: '', repeatWeeks: 1 })
		).bookings[0]!;
		const written = await remindBookings(admin.household);
		expect(written).toBe(2);
		expect(await remindBookings(admin.household)).toBe(0);
		const told = async (kind: string) =>
			getDb()
				.selectFrom('notifications as n')
				.innerJoin('notificationEvents as e', (join) => join.onRef('e.householdId', '=', 'n.householdId').onRef('e.id', '=', 'n.eventId'))
				.select(['n.memberId', 'n.channel', 'n.deliverAfter', 'e.dedupeKey'])
				.where('n.householdId', '=', admin.household.id)
				.where('e.kind', '=', kind as never)
				.execute();
		const reminders = await told('booking.soon');
		// Bea hears of Kid's booking (Kid has no login); the founder of their own; not before two hours ahead.
		expect(new Set(reminders.filter((r) => r.dedupeKey === `booking.soon:${kids.id}`).map((r) => r.memberId))).toEqual(new Set([bea.member.id]));
		expect(new Set(reminders.filter((r) => r.dedupeKey === `booking.soon:${mine.id}`).map((r) => r.memberId))).toEqual(new Set([admin.member.id]));
		for (const reminder of reminders.filter((r) => r.channel === 'push' && r.dedupeKey === `booking.soon:${mine.id}`))
			expect(reminder.deliverAfter.getTime()).toBeGreaterThanOrEqual(later.getTime() - 2 * HOUR);
		// The booking made the house's background work due in time for its reminder.
		const due = await getDb().selectFrom('householdCatchUp').select('dueAt').where('householdId', '=', admin.household.id).executeTakeFirstOrThrow();
		expect(due.dueAt.getTime()).toBeLessThanOrEqual(soon.getTime() - 2 * HOUR + 1000);

		await checkOut(bea, kids.id, { note: '' });
		await returnThing(bea, kids.id, { note: 'Seat moved back' });
		const back = await told('booking.returned');
		expect(back.filter((r) => r.channel === 'app').map((r) => r.memberId)).toEqual([admin.member.id]);
	});

	it('show in the chore calendar’s week and in the calendar feeds, the house’s and each member’s own', async () => {
		const { admin, bea } = await makeHouseOfThree();
		const thing = await createThing(admin, { ...car(), name: 'Cargo bike' });
		const timezone = admin.household.timezone;
		const day = plusDays(todayIn(timezone), 2);
		const at = (time: string, days = 0) => atLocalTime(plusDays(day, days), time, timezone).toISOString();
		await book(bea, thing.id, { startsAt: at('18:00'), endsAt: at('20:00'), note: '', repeatWeeks: 1 });
		// Overnight: from 22:00 one day until 07:00 the next.
		await book(admin, thing.id, { startsAt: at('22:00'), endsAt: at('07:00', 1), note: '', repeatWeeks: 1 });
		const week = await calendarPage(admin, { view: 'week', anchor: day, who: 'all', weekStartsOn: 1 });
		expect(week.bookings[day]).toEqual([
			expect.objectContaining({ thing: 'Cargo bike', memberName: 'Bea', from: '18:00', until: '20:00' }),
			expect.objectContaining({ memberName: 'Founder', from: '22:00', until: null })
		]);
		const nextDay = plusDays(day, 1);
		if (week.range.to >= nextDay) expect(week.bookings[nextDay]).toEqual([expect.objectContaining({ memberName: 'Founder', from: null, until: '07:00' })]);
		const mine = await calendarPage(admin, { view: 'agenda', anchor: day, who: bea.member.id, weekStartsOn: 1 });
		expect(mine.bookings[day]?.map((b) => b.memberName)).toEqual(['Bea']);

		const feed = async (memberId: string | null) => {
			const path = await regenerateFeed(memberId ? bea : admin, memberId ? 'member' : 'household');
			return feedIcs(admin.household.id, memberId, new URL(path, 'http://x').searchParams.get('token'));
		};
		const all = await feed(null);
		expect(all).toContain('SUMMARY:Cargo bike — Bea');
		expect(all).toContain('SUMMARY:Cargo bike — Founder');
		const beas = await feed(bea.member.id);
		expect(beas).toContain('SUMMARY:Cargo bike — Bea');
		expect(beas).not.toContain('Cargo bike — Founder');
	});
});
