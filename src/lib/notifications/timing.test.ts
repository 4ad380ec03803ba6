import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { atLocalTime } from '$lib/dates';
import { afterQuietHours, nextDigestAt } from './timing';
import { readPreferences, DEFAULT_PREFERENCES } from './model';

const quiet = { from: '21:00', to: '08:00' };
const iso = (date: Date) => date.toISOString();

describe('quiet hours on the household’s clock', () => {
	it('holds an evening notification until the next morning, in the house’s zone', () => {
		// 22:30 in Berlin (winter, UTC+1) → 08:00 Berlin = 07:00 UTC the next day.
		expect(iso(afterQuietHours(new Date('2026-12-02T21:30:00Z'), 'Europe/Berlin', quiet))).toBe('2026-12-03T07:00:00.000Z');
		// 06:00 in Berlin → 08:00 the same day.
		expect(iso(afterQuietHours(new Date('2026-12-02T05:00:00Z'), 'Europe/Berlin', quiet))).toBe('2026-12-02T07:00:00.000Z');
		// 12:00 in Berlin: not quiet.
		expect(iso(afterQuietHours(new Date('2026-12-02T11:00:00Z'), 'Europe/Berlin', quiet))).toBe('2026-12-02T11:00:00.000Z');
		// The same instant is quiet in Tokyo (20:00 UTC = 05:00 JST) and not in New York (15:00).
		expect(iso(afterQuietHours(new Date('2026-12-02T20:00:00Z'), 'Asia/Tokyo', quiet))).toBe('2026-12-02T23:00:00.000Z');
		expect(iso(afterQuietHours(new Date('2026-12-02T20:00:00Z'), 'America/New_York', quiet))).toBe('2026-12-02T20:00:00.000Z');
	});

	it('keeps 08:00 local across the daylight-saving changes (spring forward and fall back in Berlin)', () => {
		// Night of 28–29 March 2026: clocks go from 02:00 to 03:00. 22:00 CET → 08:00 CEST = 06:00 UTC.
		expect(iso(afterQuietHours(new Date('2026-03-28T21:00:00Z'), 'Europe/Berlin', quiet))).toBe('2026-03-29T06:00:00.000Z');
		// Night of 24–25 October 2026: clocks go from 03:00 back to 02:00. 22:00 CEST → 08:00 CET = 07:00 UTC.
		expect(iso(afterQuietHours(new Date('2026-10-24T20:00:00Z'), 'Europe/Berlin', quiet))).toBe('2026-10-25T07:00:00.000Z');
		// A quiet end inside the skipped hour (02:30 on 29 March) comes an hour later, never earlier.
		expect(iso(atLocalTime('2026-03-29', '02:30', 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
	});

	it('daytime quiet hours and none at all', () => {
		const nap = { from: '13:00', to: '15:00' };
		expect(iso(afterQuietHours(new Date('2026-12-02T13:30:00Z'), 'UTC', nap))).toBe('2026-12-02T15:00:00.000Z');
		expect(iso(afterQuietHours(new Date('2026-12-02T16:00:00Z'), 'UTC', nap))).toBe('2026-12-02T16:00:00.000Z');
		expect(iso(afterQuietHours(new Date('2026-12-02T23:00:00Z'), 'UTC', null))).toBe('2026-12-02T23:00:00.000Z');
	});

	it('never sends earlier than asked, and never lands inside the quiet hours', () => {
		const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'];
		const time = fc
			.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
			.map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
		fc.assert(
			fc.property(
				fc.date({ min: new Date('2025-01-01'), max: new Date('2028-01-01'), noInvalidDate: true }),
				fc.constantFrom(...zones),
				time,
				time,
				(now, zone, from, to) => {
					const at = afterQuietHours(now, zone, { from, to });
					expect(at.getTime()).toBeGreaterThanOrEqual(now.getTime());
					// Sent within a day and a bit (a DST day is 25 hours).
					expect(at.getTime() - now.getTime()).toBeLessThanOrEqual(25 * 3_600_000);
					// Where it lands is not quiet itself: asking again gives the same instant.
					expect(afterQuietHours(at, zone, { from, to }).getTime()).toBe(at.getTime());
				}
			)
		);
	});
});

describe('digests', () => {
	it('a daily digest goes at the next 08:00; a weekly one on the next Monday', () => {
		// Wednesday 2 December 2026, 10:00 Berlin.
		const now = new Date('2026-12-02T09:00:00Z');
		expect(iso(nextDigestAt(now, 'Europe/Berlin', 'daily', '08:00'))).toBe('2026-12-03T07:00:00.000Z');
		expect(iso(nextDigestAt(now, 'Europe/Berlin', 'weekly', '08:00'))).toBe('2026-12-07T07:00:00.000Z');
		// Before 08:00 on a Monday: that same morning.
		expect(iso(nextDigestAt(new Date('2026-12-07T06:00:00Z'), 'Europe/Berlin', 'weekly', '08:00'))).toBe('2026-12-07T07:00:00.000Z');
	});
});

describe('stored preferences', () => {
	it('reads what is stored, and falls back group by group for anything it cannot read', () => {
		expect(readPreferences(null)).toEqual(DEFAULT_PREFERENCES);
		const partly = readPreferences({ groups: { chores: { app: false, push: false, email: 'now' }, money: 'nonsense' }, digest: 'weekly', quiet: null });
		expect(partly.groups.chores).toEqual({ app: false, push: false, email: 'now' });
		expect(partly.groups.money).toEqual(DEFAULT_PREFERENCES.groups.money);
		expect(partly.digest).toBe('weekly');
		expect(partly.quiet).toBeNull();
	});
});
