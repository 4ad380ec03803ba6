import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planChores, type PlanChore, type PlanInput, type PlanMember, type StoredOccurrence } from './plan';
import { plusDays } from '$lib/dates';

const people = (n: number, capacity: (i: number) => number = () => 1): PlanMember[] =>
	Array.from({ length: n }, (_, i) => ({ id: `m${i}`, capacity: capacity(i), lastDay: null }));
const daily = (strategy: PlanChore['strategy'], memberIds: string[], extra: Partial<PlanChore> = {}): PlanChore => ({
	id: 'c1',
	name: 'Dishes',
	effort: 1,
	schedule: { kind: 'daily', interval: 1, startOn: '2026-01-01' },
	strategy,
	memberIds,
	...extra
});
const input = (over: Partial<PlanInput>): PlanInput => ({
	chores: [],
	members: [],
	absences: [],
	stored: [],
	from: '2026-01-01',
	to: '2026-01-31',
	today: '2026-01-01',
	...over
});

describe('rotate', () => {
	it('takes turns in order', () => {
		const plan = planChores(input({ chores: [daily('rotate', ['m0', 'm1', 'm2'])], members: people(3), to: '2026-01-06' }));
		expect(plan.map((o) => o.assigneeMemberId)).toEqual(['m0', 'm1', 'm2', 'm0', 'm1', 'm2']);
	});

	it('passes an away member’s turn to the next, and continues from whoever took it', () => {
		const plan = planChores(
			input({
				chores: [daily('rotate', ['m0', 'm1', 'm2'])],
				members: people(3),
				absences: [{ memberId: 'm1', from: '2026-01-02', to: '2026-01-02' }],
				to: '2026-01-05'
			})
		);
		expect(plan.map((o) => o.assigneeMemberId)).toEqual(['m0', 'm2', 'm0', 'm1', 'm2']);
	});

	it('drops a member who left from the days after they left', () => {
		const members = people(3).map((m) => (m.id === 'm2' ? { ...m, lastDay: '2026-01-03' } : m));
		const plan = planChores(input({ chores: [daily('rotate', ['m0', 'm1', 'm2'])], members, to: '2026-01-07' }));
		expect(plan.map((o) => o.assigneeMemberId)).toEqual(['m0', 'm1', 'm2', 'm0', 'm1', 'm0', 'm1']);
	});

	it('keeps what was recorded: a reassignment and a completion by someone else', () => {
		const stored = [
			{ choreId: 'c1', dueOn: '2026-01-01', assigneeMemberId: 'm0', status: 'done' as const, doneByMemberId: 'm2', doneOn: '2026-01-01' },
			{ choreId: 'c1', dueOn: '2026-01-02', assigneeMemberId: 'm2', status: 'pending' as const, doneByMemberId: null, doneOn: null }
		];
		const plan = planChores(input({ chores: [daily('rotate', ['m0', 'm1', 'm2'])], members: people(3), stored, to: '2026-01-04' }));
		expect(plan.map((o) => [o.assigneeMemberId, o.status, o.doneByMemberId])).toEqual([
			['m0', 'done', 'm2'],
			['m2', 'pending', null],
			['m0', 'pending', null],
			['m1', 'pending', null]
		]);
	});

	it('visits every available participant in order (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 40 }), (n, days) => {
				const ids = people(n).map((m) => m.id);
				const plan = planChores(input({ chores: [daily('rotate', ids)], members: people(n), to: plusDays('2026-01-01', days - 1) }));
				plan.forEach((o, i) => expect(o.assigneeMemberId).toBe(ids[i % n]));
			})
		);
	});
});

describe('fair', () => {
	it('gives each participant effort in proportion to capacity, within one occurrence (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom(0.25, 0.5, 0.75, 1, 1.5, 2, 3), { minLength: 1, maxLength: 6 }),
				fc.integer({ min: 1, max: 85 }),
				(capacities, days) => {
					const members = people(capacities.length, (i) => capacities[i]!);
					const plan = planChores(
						input({
							chores: [
								daily(
									'fair',
									members.map((m) => m.id)
								)
							],
							members,
							to: plusDays('2026-01-01', days - 1)
						})
					);
					const total = capacities.reduce((a, b) => a + b, 0);
					for (let t = 1; t <= plan.length; t++) {
						members.forEach((m, i) => {
							const count = plan.slice(0, t).filter((o) => o.assigneeMemberId === m.id).length;
							expect(Math.abs(count - (t * capacities[i]!) / total)).toBeLessThan(1);
						});
					}
				}
			)
		);
	});

	it('gives nothing to someone with capacity 0', () => {
		const members = people(3, (i) => (i === 2 ? 0 : 1));
		const plan = planChores(input({ chores: [daily('fair', ['m0', 'm1', 'm2'])], members, to: '2026-01-20' }));
		expect(plan.some((o) => o.assigneeMemberId === 'm2')).toBe(false);
	});
});

describe('every strategy', () => {
	it('never assigns an away member (property)', () => {
		fc.assert(
			fc.property(
				fc.constantFrom('rotate', 'fair', 'fixed', 'open' as const),
				fc.array(
					fc.record({ memberId: fc.constantFrom('m0', 'm1', 'm2', 'm3'), start: fc.integer({ min: 0, max: 40 }), length: fc.integer({ min: 0, max: 10 }) }),
					{ maxLength: 6 }
				),
				(strategy, away) => {
					const absences = away.map((a) => ({ memberId: a.memberId, from: plusDays('2026-01-01', a.start), to: plusDays('2026-01-01', a.start + a.length) }));
					const plan = planChores(input({ chores: [daily(strategy, ['m0', 'm1', 'm2', 'm3'])], members: people(4), absences, to: '2026-02-20' }));
					for (const o of plan) {
						if (o.assigneeMemberId === null) continue;
						expect(absences.some((a) => a.memberId === o.assigneeMemberId && a.from <= o.dueOn && o.dueOn <= a.to)).toBe(false);
					}
				}
			)
		);
	});

	it('is deterministic: a window of the calendar equals the same days of a longer plan', () => {
		const chores = [
			daily('fair', ['m0', 'm1', 'm2']),
			{ ...daily('rotate', ['m2', 'm0']), id: 'c2', name: 'Bins', schedule: { kind: 'weekly' as const, interval: 1, weekdays: [1, 4], startOn: '2026-01-01' } }
		];
		const long = planChores(input({ chores, members: people(3), to: '2026-03-31' }));
		const again = planChores(input({ chores, members: people(3), to: '2026-03-31' }));
		expect(again).toEqual(long);
		const march = planChores(input({ chores, members: people(3), from: '2026-03-01', to: '2026-03-31' }));
		expect(march).toEqual(long.filter((o) => o.dueOn >= '2026-03-01'));
	});
});

describe('after N days', () => {
	it('moves with the actual completion date, and waits when overdue', () => {
		const chore: PlanChore = { ...daily('rotate', ['m0', 'm1']), schedule: { kind: 'after', interval: 7, startOn: '2026-01-01' } };
		const stored = [{ choreId: 'c1', dueOn: '2026-01-01', assigneeMemberId: 'm0', status: 'done' as const, doneByMemberId: 'm0', doneOn: '2026-01-04' }];
		const plan = planChores(input({ chores: [chore], members: people(2), stored, today: '2026-01-05', to: '2026-01-31' }));
		expect(plan.map((o) => o.dueOn)).toEqual(['2026-01-01', '2026-01-11', '2026-01-18', '2026-01-25']);
		const overdue = planChores(input({ chores: [chore], members: people(2), stored, today: '2026-01-20', to: '2026-01-31' }));
		expect(overdue.map((o) => o.dueOn)).toEqual(['2026-01-01', '2026-01-11']);
	});
});

describe('linear planning', () => {
	/**
	 * The plan re-read from its history every day: each day planned alone, given only the
	 * days of its window (cut here, by date) and no window of the engine's own — quadratic,
	 * and independent of how the sliding window is kept.
	 */
	function dayByDay(base: PlanInput, days: number): Array<string | null> {
		const stored: StoredOccurrence[] = [];
		for (let d = 0; d < days; d++) {
			const day = plusDays(base.from, d);
			const windowed = stored.filter((o) => o.dueOn > plusDays(day, -(base.windowDays ?? 90)));
			for (const { choreId, dueOn, assigneeMemberId, status, doneByMemberId, doneOn } of planChores({
				...base,
				stored: windowed,
				windowDays: 1_000_000,
				from: day,
				to: day
			}))
				stored.push({ choreId, dueOn, assigneeMemberId, status, doneByMemberId, doneOn });
		}
		return stored.map((o) => o.assigneeMemberId);
	}

	it('the sliding-window fair plan equals the rule that re-reads history every day (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom(0, 0.5, 1, 2, 3), { minLength: 1, maxLength: 5 }),
				fc.integer({ min: 1, max: 120 }),
				fc.integer({ min: 3, max: 30 }),
				fc.array(fc.record({ member: fc.integer({ min: 0, max: 4 }), start: fc.integer({ min: 0, max: 100 }), length: fc.integer({ min: 0, max: 15 }) }), {
					maxLength: 4
				}),
				(capacities, days, windowDays, away) => {
					const members = people(capacities.length, (i) => capacities[i]!);
					const absences = away
						.filter((a) => a.member < capacities.length)
						.map((a) => ({ memberId: `m${a.member}`, from: plusDays('2026-01-01', a.start), to: plusDays('2026-01-01', a.start + a.length) }));
					const base = input({
						chores: [
							daily(
								'fair',
								members.map((m) => m.id)
							)
						],
						members,
						absences,
						windowDays,
						to: plusDays('2026-01-01', days - 1)
					});
					expect(planChores(base).map((o) => o.assigneeMemberId)).toEqual(dayByDay(base, days));
				}
			)
		);
	});
});

describe('history stays as it was', () => {
	const strategies = ['rotate', 'fair', 'fixed', 'open'] as const;
	const edit = fc.record({
		strategy: fc.constantFrom(...strategies),
		members: fc.shuffledSubarray(['m0', 'm1', 'm2', 'm3'], { minLength: 1 }),
		kind: fc.constantFrom('daily', 'weekly', 'after'),
		interval: fc.integer({ min: 1, max: 3 }),
		startOffset: fc.integer({ min: -20, max: 5 }),
		daysLater: fc.integer({ min: 0, max: 6 })
	});

	it('an edit changes only today on, whatever the sequence of edits (property)', () => {
		fc.assert(
			fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
				const members = people(4);
				let today = '2026-03-01';
				let stored: StoredOccurrence[] = [];
				let frozenThrough: string | null = null;
				let chore: PlanChore | null = null;
				const choreOf = (e: (typeof edits)[number]): PlanChore => {
					const schedule =
						e.kind === 'weekly'
							? { kind: 'weekly' as const, interval: e.interval, weekdays: [1, 3, 5], startOn: plusDays(today, e.startOffset) }
							: { kind: e.kind, interval: e.interval, startOn: plusDays(today, e.startOffset) };
					return { id: 'c1', name: 'Dishes', effort: 1, schedule, strategy: e.strategy, memberIds: e.members };
				};
				for (const e of edits) {
					// The day moves on; the past is frozen (stored) before the edit, as the server does.
					today = plusDays(today, e.daysLater);
					const yesterday = plusDays(today, -1);
					if (chore) {
						const past = planChores(input({ chores: [chore], members, stored, frozenThrough, from: '2025-01-01', to: yesterday, today }));
						stored = past.map(({ choreId, dueOn, assigneeMemberId, status, doneByMemberId, doneOn, effort }) => ({
							choreId,
							dueOn,
							assigneeMemberId,
							status,
							doneByMemberId,
							doneOn,
							effort
						}));
						frozenThrough = yesterday;
					}
					const seenBefore = chore ? planChores(input({ chores: [chore], members, stored, frozenThrough, from: '2025-01-01', to: yesterday, today })) : [];
					chore = choreOf(e);
					if (!frozenThrough) {
						// A new chore with a past start: its past is stored when it is created.
						const past = planChores(input({ chores: [chore], members, from: '2025-01-01', to: yesterday, today }));
						stored = past.map(({ choreId, dueOn, assigneeMemberId, status, doneByMemberId, doneOn, effort }) => ({
							choreId,
							dueOn,
							assigneeMemberId,
							status,
							doneByMemberId,
							doneOn,
							effort
						}));
						frozenThrough = yesterday;
						continue;
					}
					const seenAfter = planChores(input({ chores: [chore], members, stored, frozenThrough, from: '2025-01-01', to: yesterday, today }));
					expect(seenAfter.map((o) => [o.dueOn, o.assigneeMemberId, o.status])).toEqual(seenBefore.map((o) => [o.dueOn, o.assigneeMemberId, o.status]));
				}
			})
		);
	});
});

describe('reassigning one turn', () => {
	it('changes that occurrence only: the rotation goes on as planned', () => {
		const stored: StoredOccurrence[] = [
			{ choreId: 'c1', dueOn: '2026-01-02', assigneeMemberId: 'm2', turnMemberId: 'm1', status: 'pending', doneByMemberId: null, doneOn: null }
		];
		const plan = planChores(input({ chores: [daily('rotate', ['m0', 'm1', 'm2'])], members: people(3), stored, to: '2026-01-05' }));
		expect(plan.map((o) => o.assigneeMemberId)).toEqual(['m0', 'm2', 'm2', 'm0', 'm1']);
	});
});
