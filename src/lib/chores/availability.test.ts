import { describe, expect, it } from 'vitest';
import { availability } from './availability';

describe('availability', () => {
	const isAvailable = availability(
		[
			{ id: 'ana', lastDay: null },
			{ id: 'ben', lastDay: '2026-12-10' }
		],
		[{ memberId: 'ana', from: '2026-12-03', to: '2026-12-05' }]
	);

	it('is false while away, on the first and the last day of the absence too', () => {
		expect(['2026-12-02', '2026-12-03', '2026-12-05', '2026-12-06'].map((day) => isAvailable('ana', day))).toEqual([true, false, false, true]);
	});

	it('is false after a member’s last day, and for someone who is not a member', () => {
		expect(['2026-12-10', '2026-12-11'].map((day) => isAvailable('ben', day))).toEqual([true, false]);
		expect(isAvailable('stranger', '2026-12-01')).toBe(false);
	});
});
