import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { getDb } from '../db';
import { DomainError } from '../errors';
import { contextFor, makeHouseOfThree, makeMember } from '../testing/factories';
import { book, cancelBooking, checkOut, decideBooking, handOver, listBookings, returnThing } from './bookings';
import { createThing, getThing, listThings, updateThing } from './things';
import type { ThingInput } from './schemas';

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

const car = (rules: Partial<ThingInput['rules']> = {}): ThingInput => ({
	name: `Car ${crypto.randomUUID().slice(0, 6)}`,
	kind: 'vehicle',
	description: '',
	rules: {
		bookableBy: ['adult', 'youth'],
		maxBookingMinutes: null,
		maxDaysAhead: null,
		monthlyMinutesPerMember: null,
		bufferMinutes: 0,
		needsApproval: false,
		...rules
	}
});

async function refusal(work: Promise<unknown>): Promise<DomainError> {
	try {
		await work;
	} catch (error) {
		if (error instanceof DomainError) return error;
		throw error;
	}
	throw new Error('expected a refusal');
}

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
		expect((await refusal(returnThing(cy, mine.id, 'Back'))).code).toBe('not_checked_out');
		expect((await checkOut(cy, mine.id, '48 210 km')).checkoutNote).toBe('48 210 km');
		expect((await returnThing(cy, mine.id, 'Tank half full')).returnNote).toBe('Tank half full');
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
});
