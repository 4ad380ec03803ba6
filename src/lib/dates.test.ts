import { describe, expect, it } from 'vitest';
import { formatDay, todayIn } from './dates';

describe('todayIn', () => {
	it('reads the day in the household zone, not the server zone', () => {
		const instant = new Date('2026-11-28T23:30:00Z');
		expect(todayIn('Europe/Berlin', instant)).toBe('2026-11-29');
		expect(todayIn('America/Los_Angeles', instant)).toBe('2026-11-28');
		expect(todayIn('Pacific/Kiritimati', new Date('2026-11-28T10:30:00Z'))).toBe('2026-11-29');
	});

	it('formats a calendar day without shifting it', () => {
		expect(formatDay('2026-03-29')).toBe('Sun, 29 Mar 2026');
	});
});
