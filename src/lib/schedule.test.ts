import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, format } from 'date-fns';
import { dueDays, type ChoreSchedule } from '$lib/schedule';
import { dayNumber, dayOfNumber, plusDays, toDate } from '$lib/dates';

const base = { startOn: '2026-01-01', interval: 1 } as const;

describe('dueDays', () => {
	it('daily every N days from the start', () => {
		expect(dueDays({ ...base, kind: 'daily', interval: 3 }, '2026-01-01', '2026-01-10')).toEqual(['2026-01-01', '2026-01-04', '2026-01-07', '2026-01-10']);
	});

	it('weekly on several weekdays, every second week', () => {
		// 2026-01-05 is a Monday; the start week is the week of 2026-01-01 (Thursday).
		const schedule: ChoreSchedule = { kind: 'weekly', interval: 2, weekdays: [1, 4], startOn: '2026-01-01' };
		expect(dueDays(schedule, '2026-01-01', '2026-01-31')).toEqual(['2026-01-01', '2026-01-12', '2026-01-15', '2026-01-26', '2026-01-29']);
	});

	it('monthly on day 31 falls on the last day of shorter months', () => {
		expect(dueDays({ ...base, kind: 'monthly', dayOfMonth: 31 }, '2026-01-01', '2026-04-30')).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
	});

	it('monthly on the nth weekday, and on the last one', () => {
		// First Saturday (6) of each month; last Friday (5).
		expect(dueDays({ ...base, kind: 'monthly', nth: 1, weekday: 6 }, '2026-01-01', '2026-03-31')).toEqual(['2026-01-03', '2026-02-07', '2026-03-07']);
		expect(dueDays({ ...base, kind: 'monthly', nth: -1, weekday: 5 }, '2026-01-01', '2026-03-31')).toEqual(['2026-01-30', '2026-02-27', '2026-03-27']);
	});

	it('counts every N weeks or months from the first due day on or after the start (one rule for chores and recurring expenses)', () => {
		// 2026-11-28 is a Saturday: every second Monday starts on the Monday after, not a week later.
		expect(dueDays({ kind: 'weekly', interval: 2, weekdays: [1], startOn: '2026-11-28' }, '2026-11-28', '2026-12-31')).toEqual([
			'2026-11-30',
			'2026-12-14',
			'2026-12-28'
		]);
		// Every second month on the 5th from 20 January: February, April…, not March.
		expect(dueDays({ kind: 'monthly', interval: 2, dayOfMonth: 5, startOn: '2026-01-20' }, '2026-01-01', '2026-06-30')).toEqual([
			'2026-02-05',
			'2026-04-05',
			'2026-06-05'
		]);
		expect(dueDays({ kind: 'monthly', interval: 2, nth: 1, weekday: 1, startOn: '2026-01-20' }, '2026-01-01', '2026-04-30')).toEqual([
			'2026-02-02',
			'2026-04-06'
		]);
	});

	it('every N weeks on one weekday: the first matching day on or after the start, then exactly N weeks apart', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 400 }), (interval, weekday, offset) => {
				const startOn = plusDays('2026-01-01', offset);
				const days = dueDays({ kind: 'weekly', interval, weekdays: [weekday], startOn }, startOn, plusDays(startOn, 200));
				expect(days[0]! >= startOn && dayNumber(days[0]!) - dayNumber(startOn) < 7).toBe(true);
				for (let i = 1; i < days.length; i++) expect(dayNumber(days[i]!) - dayNumber(days[i - 1]!)).toBe(7 * interval);
			})
		);
	});

	it('every two months, and not past the end date', () => {
		expect(dueDays({ ...base, kind: 'monthly', interval: 2, dayOfMonth: 15, endOn: '2026-06-30' }, '2026-01-01', '2026-12-31')).toEqual([
			'2026-01-15',
			'2026-03-15',
			'2026-05-15'
		]);
	});

	it('keeps its days across daylight-saving changes (calendar days, whatever the server zone)', () => {
		// Europe changes clocks on 2026-03-29 and 2026-10-25; the US on 2026-03-08 and 2026-11-01.
		const weekly: ChoreSchedule = { kind: 'weekly', interval: 1, weekdays: [7], startOn: '2026-03-01' };
		expect(dueDays(weekly, '2026-03-01', '2026-04-05')).toEqual(['2026-03-01', '2026-03-08', '2026-03-15', '2026-03-22', '2026-03-29', '2026-04-05']);
		expect(dueDays({ kind: 'daily', interval: 1, startOn: '2026-10-24' }, '2026-10-24', '2026-10-27')).toEqual([
			'2026-10-24',
			'2026-10-25',
			'2026-10-26',
			'2026-10-27'
		]);
	});

	it('a daily schedule gives exactly every interval-th day', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 400 }), (interval, span) => {
				const days = dueDays(
					{ kind: 'daily', interval, startOn: '2026-01-01' },
					'2026-01-01',
					new Date(Date.UTC(2026, 0, 1 + span)).toISOString().slice(0, 10)
				);
				expect(days).toHaveLength(Math.floor(span / interval) + 1);
			})
		);
	});
});

describe('day arithmetic', () => {
	it('counts days as date-fns does, across years, leap days and daylight-saving changes', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('2000-01-01T12:00:00Z'), max: new Date('2099-12-31T12:00:00Z'), noInvalidDate: true }),
				fc.integer({ min: -800, max: 800 }),
				(date, n) => {
					const day = format(date, 'yyyy-MM-dd');
					expect(plusDays(day, n)).toBe(format(addDays(toDate(day), n), 'yyyy-MM-dd'));
					expect(dayOfNumber(dayNumber(day))).toBe(day);
				}
			)
		);
	});
});
