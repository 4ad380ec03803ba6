import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { format } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { formatDay, toDay, todayIn } from './dates';

describe('todayIn', () => {
	it('reads the day in the household zone, not the server zone', () => {
		const instant = new Date('2026-11-28T23:30:00Z');
		expect(todayIn('Europe/Berlin', instant)).toBe('2026-11-29');
		expect(todayIn('America/Los_Angeles', instant)).toBe('2026-11-28');
		expect(todayIn('Pacific/Kiritimati', new Date('2026-11-28T10:30:00Z'))).toBe('2026-11-29');
	});

	it('reads the same day date-fns formats, for any instant and zone (years 1–9999 too)', () => {
		const zones = ['UTC', 'Europe/Berlin', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Australia/Lord_Howe'];
		fc.assert(
			fc.property(
				fc.date({ min: new Date('0001-01-02T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true }),
				fc.constantFrom(...zones),
				(instant, zone) => {
					expect(toDay(instant)).toBe(format(instant, 'yyyy-MM-dd'));
					expect(todayIn(zone, instant)).toBe(format(new TZDate(instant, zone), 'yyyy-MM-dd'));
				}
			)
		);
	});

	it('formats a calendar day without shifting it', () => {
		expect(formatDay('2026-03-29')).toBe('Sun, 29 Mar 2026');
	});
});

describe('days in the reader’s language', () => {
	it('names months and weekdays, starting the week where the reader does', async () => {
		const { formatMonth, weekdayNames, formatDayOfMonth } = await import('./dates');
		expect(formatMonth('2026-11-28', 'de-DE')).toBe('November 2026');
		expect(formatMonth('2026-11-28', 'pl-PL')).toBe('listopad 2026');
		expect(weekdayNames(1, 'en-GB')).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
		expect(weekdayNames(0, 'en-US')[0]).toBe('Sun');
		expect(weekdayNames(6, 'ar-EG')[0]).toBe('السبت');
		expect(formatDayOfMonth('2026-11-28', 'ar-EG')).toBe('٢٨');
		expect(formatDay('2026-11-28', 'de-DE')).toBe('Sa., 28. Nov. 2026');
	});

	it('lays the week and month views out from the reader’s first day', async () => {
		const { viewRange } = await import('./chores/views');
		// 2026-12-02 is a Wednesday.
		expect(viewRange('week', '2026-12-02', 1)).toMatchObject({ from: '2026-11-30', to: '2026-12-06' });
		expect(viewRange('week', '2026-12-02', 0)).toMatchObject({ from: '2026-11-29', to: '2026-12-05' });
		expect(viewRange('week', '2026-12-02', 6)).toMatchObject({ from: '2026-11-28', to: '2026-12-04' });
		// December 2026 starts on a Tuesday: a Saturday-first grid starts on 28 November.
		expect(viewRange('month', '2026-12-15', 6)).toMatchObject({ from: '2026-11-28', to: '2027-01-01' });
		expect(viewRange('month', '2026-12-15', 1)).toMatchObject({ from: '2026-11-30', to: '2027-01-03' });
	});
});
