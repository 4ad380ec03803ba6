import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TZDate } from '@date-fns/tz';
import { monthAround, ruleBreaks, weeklyRepeats, type BookingAttempt } from './booking-rules';
import { timeline } from './timeline';
import { DEFAULT_THING_RULES, type ThingRules } from './model';

const open: ThingRules = { ...DEFAULT_THING_RULES, bookableBy: [...DEFAULT_THING_RULES.bookableBy] };
const now = new Date('2026-12-02T10:00:00Z');
const hours = (n: number) => n * 3_600_000;
const attempt = (overrides: Partial<BookingAttempt> = {}): BookingAttempt => ({
	startsAt: new Date(now.getTime() + hours(2)),
	endsAt: new Date(now.getTime() + hours(4)),
	now,
	member: { role: 'adult', active: true },
	bookedBy: { role: 'adult', isAdmin: false, self: true },
	monthMinutesUsed: 0,
	...overrides
});
const rulesBroken = (rules: ThingRules, a: BookingAttempt) => ruleBreaks(rules, a).map((b) => b.rule);

describe('a shared thing’s booking rules', () => {
	it('lets a member book a free slot that breaks no rule', () => {
		expect(ruleBreaks(open, attempt())).toEqual([]);
	});

	it('refuses an end before the start, and a start in the past (a quarter of an hour’s grace)', () => {
		expect(rulesBroken(open, attempt({ endsAt: new Date(now.getTime() + hours(1)) }))).toEqual(['ends_before_start']);
		expect(rulesBroken(open, attempt({ startsAt: new Date(now.getTime() - hours(1)) }))).toEqual(['in_past']);
		expect(rulesBroken(open, attempt({ startsAt: new Date(now.getTime() - 10 * 60_000) }))).toEqual([]);
	});

	it('holds the longest booking, how far ahead, and the hours per month (admins are not held to the month)', () => {
		const rules = { ...open, maxBookingMinutes: 120, maxDaysAhead: 14, monthlyMinutesPerMember: 600 };
		expect(ruleBreaks(rules, attempt())).toEqual([]);
		expect(ruleBreaks(rules, attempt({ endsAt: new Date(now.getTime() + hours(5)) }))).toEqual([{ rule: 'too_long', maxMinutes: 120 }]);
		const later = new Date(now.getTime() + hours(24 * 15));
		expect(rulesBroken(rules, attempt({ startsAt: later, endsAt: new Date(later.getTime() + hours(1)) }))).toEqual(['too_far_ahead']);
		expect(ruleBreaks(rules, attempt({ monthMinutesUsed: 540 }))).toEqual([{ rule: 'monthly_limit', maxMinutes: 600, usedMinutes: 540 }]);
		expect(ruleBreaks(rules, attempt({ monthMinutesUsed: 480 }))).toEqual([]);
		expect(ruleBreaks(rules, attempt({ monthMinutesUsed: 540, bookedBy: { role: 'adult', isAdmin: true, self: true } }))).toEqual([]);
	});

	it('lets only the roles the thing names book; a child’s booking is made by an adult', () => {
		expect(rulesBroken(open, attempt({ member: { role: 'guest', active: true } }))).toEqual(['role_may_not_book']);
		const kids = { ...open, bookableBy: ['adult', 'child'] as ThingRules['bookableBy'] };
		expect(rulesBroken(kids, attempt({ member: { role: 'child', active: true }, bookedBy: { role: 'child', isAdmin: false, self: true } }))).toEqual([
			'child_needs_adult'
		]);
		expect(rulesBroken(kids, attempt({ member: { role: 'child', active: true }, bookedBy: { role: 'adult', isAdmin: false, self: false } }))).toEqual([]);
		expect(rulesBroken(open, attempt({ member: { role: 'child', active: true }, bookedBy: { role: 'adult', isAdmin: false, self: false } }))).toEqual([
			'role_may_not_book'
		]);
		expect(rulesBroken(open, attempt({ bookedBy: { role: 'youth', isAdmin: false, self: false } }))).toEqual(['only_adults_book_for_others']);
		expect(rulesBroken(open, attempt({ member: { role: 'adult', active: false }, bookedBy: { role: 'adult', isAdmin: true, self: false } }))).toEqual([
			'member_left'
		]);
	});

	it('never lets a booking through that is longer than the longest allowed, however the times fall (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 24 * 60 }), fc.integer({ min: 0, max: 3 * 24 * 60 }), (maxMinutes, length) => {
				const startsAt = new Date(now.getTime() + hours(1));
				const breaks = ruleBreaks({ ...open, maxBookingMinutes: maxMinutes }, attempt({ startsAt, endsAt: new Date(startsAt.getTime() + length * 60_000) }));
				const allowed = breaks.length === 0;
				expect(allowed).toBe(length > 0 && length <= maxMinutes);
			})
		);
	});
});

describe('months and weekly repeats on the house’s clock', () => {
	it('bounds the month an instant falls in by the house’s midnights', () => {
		// 1 December 00:30 in Berlin is still 30 November in UTC.
		const { from, to } = monthAround(new Date('2026-11-30T23:30:00Z'), 'Europe/Berlin');
		expect(from.toISOString()).toBe('2026-11-30T23:00:00.000Z');
		expect(to.toISOString()).toBe('2026-12-31T23:00:00.000Z');
	});

	it('keeps Tuesday 18:00–21:00 across the autumn clock change', () => {
		const repeats = weeklyRepeats(new Date('2026-10-20T16:00:00Z'), new Date('2026-10-20T19:00:00Z'), 3, 'Europe/Berlin');
		expect(repeats.map((r) => r.startsAt.toISOString())).toEqual(['2026-10-20T16:00:00.000Z', '2026-10-27T17:00:00.000Z', '2026-11-03T17:00:00.000Z']);
		expect(repeats.map((r) => r.endsAt.toISOString())).toEqual(['2026-10-20T19:00:00.000Z', '2026-10-27T20:00:00.000Z', '2026-11-03T20:00:00.000Z']);
	});

	it('repeats on the same weekday and wall-clock time every week (property)', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2028-01-01T00:00:00Z'), noInvalidDate: true }),
				fc.integer({ min: 1, max: 12 }),
				fc.constantFrom('Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'),
				(start, count, zone) => {
					const startsAt = new Date(Math.floor(start.getTime() / 60_000) * 60_000);
					const repeats = weeklyRepeats(startsAt, new Date(startsAt.getTime() + hours(2)), count, zone);
					expect(repeats).toHaveLength(count);
					const first = new TZDate(repeats[0]!.startsAt, zone);
					for (const repeat of repeats) {
						const local = new TZDate(repeat.startsAt, zone);
						expect(local.getDay()).toBe(first.getDay());
						// A wall-clock time a spring-forward skips comes an hour later; otherwise it is kept.
						expect([0, 60]).toContain(
							(local.getHours() - first.getHours()) * 60 + local.getMinutes() - first.getMinutes() + (local.getHours() < first.getHours() ? 24 * 60 : 0)
						);
						expect(repeat.endsAt.getTime()).toBeGreaterThan(repeat.startsAt.getTime());
					}
				}
			)
		);
	});
});

describe('the week on the thing page', () => {
	it('places a booking in its days, cut at the house’s midnights', () => {
		const overnight = { id: 'a', startsAt: new Date('2026-12-02T17:00:00Z'), endsAt: new Date('2026-12-03T05:00:00Z') };
		const days = timeline([overnight], '2026-12-02', 3, 'Europe/Berlin');
		// 18:00–24:00 Berlin on the 2nd, 00:00–06:00 on the 3rd, nothing on the 4th.
		expect(days[0]!.segments).toEqual([{ booking: overnight, left: 75, width: 25, fromBefore: false, intoAfter: true }]);
		expect(days[1]!.segments).toEqual([{ booking: overnight, left: 0, width: 25, fromBefore: true, intoAfter: false }]);
		expect(days[2]!.segments).toEqual([]);
	});

	it('measures a daylight-saving day as it is long (25 hours in Berlin on 25 October)', () => {
		const noon = { id: 'b', startsAt: new Date('2026-10-25T11:00:00Z'), endsAt: new Date('2026-10-25T12:00:00Z') };
		const [day] = timeline([noon], '2026-10-25', 1, 'Europe/Berlin');
		expect(day!.segments[0]!.left).toBeCloseTo((13 / 25) * 100);
		expect(day!.segments[0]!.width).toBeCloseTo(4);
	});
});
