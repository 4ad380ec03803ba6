import { describe, expect, it } from 'vitest';
import { fairness } from './fairness';

describe('fairness', () => {
	it('shares expected effort by capacity among available participants; skipped work counts for nobody', () => {
		const rows = fairness(
			[
				{ choreId: 'c', dueOn: '2026-01-01', effort: 3, status: 'done', doneByMemberId: 'a' },
				{ choreId: 'c', dueOn: '2026-01-02', effort: 3, status: 'done', doneByMemberId: 'a' },
				{ choreId: 'c', dueOn: '2026-01-03', effort: 3, status: 'skipped', doneByMemberId: null },
				{ choreId: 'c', dueOn: '2026-01-04', effort: 3, status: 'overdue', doneByMemberId: null }
			],
			() => ['a', 'b'],
			(id) => (id === 'a' ? 2 : 1),
			(id, day) => !(id === 'b' && day === '2026-01-04'),
			['a', 'b']
		);
		expect(rows).toEqual([
			{ memberId: 'a', effortDone: 6, effortExpected: 7 },
			{ memberId: 'b', effortDone: 0, effortExpected: 2 }
		]);
	});
});
