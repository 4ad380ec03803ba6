import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyOccurrenceAction, namedMember, type OccurrenceAction } from './occurrence-action';
import type { PlannedOccurrence } from './plan';

const base: PlannedOccurrence = {
	choreId: 'c',
	choreName: 'Bins',
	dueOn: '2026-12-01',
	assigneeMemberId: 'ana',
	status: 'pending',
	doneByMemberId: null,
	doneOn: null,
	effort: 2,
	stored: false
};

describe('applyOccurrenceAction', () => {
	it('done: by the actor unless someone is named, today', () => {
		expect(applyOccurrenceAction(base, { kind: 'complete' }, '2026-12-02', 'ben')).toEqual({
			state: { assigneeMemberId: 'ana', turnMemberId: null, status: 'done', doneByMemberId: 'ben', doneOn: '2026-12-02', skipReason: null }
		});
		expect(applyOccurrenceAction(base, { kind: 'complete', doneByMemberId: 'ana' }, '2026-12-02', 'ben')).toMatchObject({ state: { doneByMemberId: 'ana' } });
	});

	it('refuses doing a done chore again and undoing a pending one', () => {
		expect(applyOccurrenceAction({ ...base, status: 'done' }, { kind: 'complete' }, '2026-12-02', 'ben')).toMatchObject({ refusal: { code: 'already_done' } });
		expect(applyOccurrenceAction(base, { kind: 'undo' }, '2026-12-02', 'ben')).toMatchObject({ refusal: { status: 409, code: 'nothing_to_undo' } });
	});

	it('undo and skip clear who did it; skip keeps the reason', () => {
		const done = { ...base, status: 'done' as const, doneByMemberId: 'ben', doneOn: '2026-12-01' };
		expect(applyOccurrenceAction(done, { kind: 'undo' }, '2026-12-02', 'ben')).toMatchObject({
			state: { status: 'pending', doneByMemberId: null, doneOn: null, skipReason: null }
		});
		expect(applyOccurrenceAction(base, { kind: 'skip', reason: 'away' }, '2026-12-02', 'ben')).toMatchObject({
			state: { status: 'skipped', skipReason: 'away', doneByMemberId: null }
		});
	});

	it('a stand-in takes the turn but the rotation remembers whose it was, through repeated reassignments', () => {
		const once = applyOccurrenceAction(base, { kind: 'reassign', memberId: 'cem' }, '2026-12-02', 'ben');
		expect(once).toMatchObject({ state: { assigneeMemberId: 'cem', turnMemberId: 'ana' } });
		const twice = applyOccurrenceAction({ ...base, assigneeMemberId: 'cem', turnMemberId: 'ana' }, { kind: 'reassign', memberId: 'dia' }, '2026-12-02', 'ben');
		expect(twice).toMatchObject({ state: { assigneeMemberId: 'dia', turnMemberId: 'ana' } });
	});

	it('reassigning a done chore keeps it done, by whom and when', () => {
		const done = { ...base, status: 'done' as const, doneByMemberId: 'ben', doneOn: '2026-12-01' };
		expect(applyOccurrenceAction(done, { kind: 'reassign', memberId: 'cem' }, '2026-12-05', 'ben')).toMatchObject({
			state: { status: 'done', doneByMemberId: 'ben', doneOn: '2026-12-01' }
		});
	});

	it('never loses whose turn it was, and names the member each action needs', () => {
		const action = fc.oneof(
			fc.constant<OccurrenceAction>({ kind: 'complete' }),
			fc.constant<OccurrenceAction>({ kind: 'undo' }),
			fc.constant<OccurrenceAction>({ kind: 'skip', reason: 'x' }),
			fc.constantFrom('ana', 'ben', 'cem').map((memberId): OccurrenceAction => ({ kind: 'reassign', memberId }))
		);
		fc.assert(
			fc.property(fc.array(action, { maxLength: 8 }), (actions) => {
				let current: PlannedOccurrence = base;
				for (const a of actions) {
					const result = applyOccurrenceAction(current, a, '2026-12-02', 'ben');
					if ('refusal' in result) continue;
					current = { ...current, ...result.state };
					// The planned turn (ana's) survives any sequence of stand-ins.
					expect(current.turnMemberId ?? current.assigneeMemberId).toBe('ana');
					const named = namedMember(a, 'ben');
					expect(named === null).toBe(a.kind === 'undo' || a.kind === 'skip');
				}
			})
		);
	});
});
