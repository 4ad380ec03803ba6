import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueDates, nextDueDate } from './recurrence';

describe('dueDates', () => {
	it('monthly on the 31st falls on the last day of shorter months', () => {
		expect(dueDates({ kind: 'monthly', interval: 1, dayOfMonth: 31, startOn: '2026-01-15' }, '2026-05-31')).toEqual([
			'2026-01-31',
			'2026-02-28',
			'2026-03-31',
			'2026-04-30',
			'2026-05-31'
		]);
		expect(dueDates({ kind: 'monthly', interval: 1, dayOfMonth: 29, startOn: '2028-02-01' }, '2028-03-01')).toEqual(['2028-02-29']);
	});

	it('rent on the 1st starts with the next 1st on or after the start', () => {
		expect(dueDates({ kind: 'monthly', interval: 1, dayOfMonth: 1, startOn: '2026-11-01' }, '2027-01-15')).toEqual(['2026-11-01', '2026-12-01', '2027-01-01']);
		expect(dueDates({ kind: 'monthly', interval: 1, dayOfMonth: 1, startOn: '2026-11-02' }, '2027-01-15')).toEqual(['2026-12-01', '2027-01-01']);
	});

	it('every three months, and stops at the end date', () => {
		expect(dueDates({ kind: 'monthly', interval: 3, dayOfMonth: 10, startOn: '2026-01-01', endOn: '2026-12-31' }, '2030-01-01')).toEqual([
			'2026-01-10',
			'2026-04-10',
			'2026-07-10',
			'2026-10-10'
		]);
	});

	it('weekly on a weekday, every two weeks', () => {
		// 2026-11-30 is a Monday.
		expect(dueDates({ kind: 'weekly', interval: 2, weekday: 1, startOn: '2026-11-28' }, '2026-12-31')).toEqual(['2026-11-30', '2026-12-14', '2026-12-28']);
	});

	it('the next due date comes after the given day', () => {
		expect(nextDueDate({ kind: 'monthly', interval: 1, dayOfMonth: 1, startOn: '2026-01-01' }, '2026-11-28')).toBe('2026-12-01');
		expect(nextDueDate({ kind: 'monthly', interval: 1, dayOfMonth: 1, startOn: '2026-01-01', endOn: '2026-11-30' }, '2026-11-28')).toBeNull();
	});

	it('is the same whatever the server time zone (dates are calendar days)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 700 }), (dayOfMonth, interval, offset) => {
				const start = new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10);
				const dates = dueDates({ kind: 'monthly', interval, dayOfMonth, startOn: start }, '2030-12-31');
				for (const date of dates) {
					expect(date >= start).toBe(true);
					const [y, m, d] = date.split('-').map(Number) as [number, number, number];
					expect(d).toBe(Math.min(dayOfMonth, new Date(Date.UTC(y, m, 0)).getUTCDate()));
				}
				expect(new Set(dates).size).toBe(dates.length);
			})
		);
	});
});
