import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupsToKeep, parseKeep } from './retention';

const at = (iso: string) => new Date(iso);

describe('which backups are kept', () => {
	it('reads BACKUP_KEEP and refuses what it cannot read', () => {
		expect(parseKeep('7d,4w,6m')).toEqual({ days: 7, weeks: 4, months: 6 });
		expect(parseKeep(' 2w ')).toEqual({ days: 0, weeks: 2, months: 0 });
		expect(() => parseKeep('7 days')).toThrow(/BACKUP_KEEP: "7 days"/);
	});

	it('keeps the newest of each recent day, week and month', () => {
		const times = [
			'2026-12-03T03:30:00Z', // Thursday
			'2026-12-03T01:00:00Z', // an extra one that day
			'2026-12-02T03:30:00Z',
			'2026-12-01T03:30:00Z', // Tuesday of the same week
			'2026-11-29T03:30:00Z', // Sunday: the week before
			'2026-11-10T03:30:00Z',
			'2026-10-15T03:30:00Z',
			'2026-09-15T03:30:00Z'
		].map(at);
		const kept = [...backupsToKeep(times, { days: 2, weeks: 2, months: 3 })].sort();
		// Days: 3 Dec, 2 Dec. Weeks: 3 Dec (this week), 29 Nov (last week). Months: 3 Dec, 29 Nov, 15 Oct.
		expect(kept).toEqual([0, 2, 4, 6]);
	});

	it('always keeps the newest, keeps no more than asked, and keeping again changes nothing (property)', () => {
		const time = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 0, 1) }).map((ms) => new Date(ms));
		const keep = fc.record({ days: fc.nat(10), weeks: fc.nat(6), months: fc.nat(8) });
		fc.assert(
			fc.property(fc.array(time, { minLength: 1, maxLength: 60 }), keep, (times, rule) => {
				const kept = backupsToKeep(times, rule);
				const newest = times.reduce((best, t, i) => (t.getTime() > times[best]!.getTime() ? i : best), 0);
				expect([...kept].some((i) => times[i]!.getTime() === times[newest]!.getTime())).toBe(true);
				expect(kept.size).toBeLessThanOrEqual(Math.max(1, rule.days + rule.weeks + rule.months));
				const survivors = [...kept].map((i) => times[i]!);
				expect(backupsToKeep(survivors, rule).size).toBe(survivors.length);
			})
		);
	});
});
