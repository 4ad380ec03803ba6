import { describe, expect, it } from 'vitest';
import { trimMonth } from './month';

const o = (dueOn: string, assigneeMemberId: string | null, status: 'pending' | 'overdue' | 'done' = 'pending') => ({
	dueOn,
	assigneeMemberId,
	doneByMemberId: null,
	status
});

describe('a month cell', () => {
	it('keeps a few per day, the viewer’s own and the overdue first, and counts the rest', () => {
		const day = [o('2026-12-01', 'x'), o('2026-12-01', 'y', 'overdue'), o('2026-12-01', 'me'), o('2026-12-01', 'z')];
		const { shown, more } = trimMonth([...day, o('2026-12-02', 'x')], 'me', 2);
		expect(shown.filter((s) => s.dueOn === '2026-12-01').map((s) => s.assigneeMemberId)).toEqual(['me', 'y']);
		expect(more).toEqual({ '2026-12-01': 2 });
		expect(shown.filter((s) => s.dueOn === '2026-12-02')).toHaveLength(1);
	});
});
