import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quorum, tallyChoice, tallyConsent, tallyRanked, type Position, type Threshold } from './tally';

const votes = (yes: number, no: number, abstain = 0, block = 0): Position[] => [
	...Array<Position>(yes).fill('yes'),
	...Array<Position>(no).fill('no'),
	...Array<Position>(abstain).fill('abstain'),
	...Array<Position>(block).fill('block')
];
const verdict = (threshold: Threshold, positions: Position[], eligible = 10, quorumPct = 0) =>
	tallyConsent(positions, eligible, { threshold, quorumPct }).verdict;

describe('consent thresholds at their boundaries', () => {
	it('majority: more than half of votes cast', () => {
		expect(verdict('majority', votes(3, 2))).toBe('passed');
		expect(verdict('majority', votes(2, 2))).toBe('rejected');
		expect(verdict('majority', votes(2, 1, 5))).toBe('passed');
	});

	it('two thirds and three quarters: at least that share', () => {
		expect(verdict('two_thirds', votes(2, 1))).toBe('passed');
		expect(verdict('two_thirds', votes(3, 2))).toBe('rejected');
		expect(verdict('two_thirds', votes(4, 2))).toBe('passed');
		expect(verdict('three_quarters', votes(3, 1))).toBe('passed');
		expect(verdict('three_quarters', votes(5, 2))).toBe('rejected');
	});

	it('unanimous: every vote cast is yes (abstaining does not break it)', () => {
		expect(verdict('unanimous', votes(4, 0, 2))).toBe('passed');
		expect(verdict('unanimous', votes(4, 1))).toBe('rejected');
	});

	it('a block counts as a no under every threshold, and one block fails consensus', () => {
		expect(verdict('majority', votes(2, 0, 0, 2))).toBe('rejected');
		expect(verdict('two_thirds', votes(2, 0, 0, 1))).toBe('passed');
		expect(verdict('consensus', votes(9, 0, 0, 1))).toBe('rejected');
		expect(verdict('consensus', votes(3, 2))).toBe('passed');
		expect(verdict('consensus', votes(2, 2))).toBe('rejected');
	});

	it('nobody voting yes or no never passes', () => {
		for (const t of ['majority', 'two_thirds', 'three_quarters', 'unanimous', 'consensus'] as const) expect(verdict(t, votes(0, 0, 3))).toBe('rejected');
	});

	it('quorum counts abstentions and is met exactly at the percentage', () => {
		expect(quorum(3, 5, 60).met).toBe(true);
		expect(quorum(2, 5, 60).met).toBe(false);
		expect(verdict('majority', votes(1, 0, 2), 5, 60)).toBe('passed');
		expect(verdict('majority', votes(2, 0), 5, 60)).toBe('no_quorum');
	});

	it('explains itself in one sentence', () => {
		expect(tallyConsent(votes(3, 1), 5, { threshold: 'two_thirds', quorumPct: 60 }).reason).toBe(
			'Passed: 4 of 5 eligible voted (quorum 60% met), 3 yes of 4 votes cast (at least two thirds of votes cast needed), no blocks.'
		);
	});
});

describe('approval voting', () => {
	it('most approvals wins; equal tops are a tie', () => {
		expect(tallyChoice(['a', 'b', 'c'], [['a', 'b'], ['b'], ['c', 'b']], 3, 0)).toMatchObject({
			verdict: 'decided',
			winnerOptionId: 'b',
			counts: { a: 1, b: 3, c: 1 }
		});
		expect(tallyChoice(['a', 'b'], [['a'], ['b']], 2, 0)).toMatchObject({ verdict: 'tied', tiedOptionIds: ['a', 'b'] });
		expect(tallyChoice(['a', 'b'], [['a']], 4, 50)).toMatchObject({ verdict: 'no_quorum' });
	});
});

describe('instant-runoff', () => {
	it('eliminates the fewest and transfers ballots until someone has more than half', () => {
		const ballots = [
			['a', 'b'],
			['a', 'b'],
			['b', 'a'],
			['b', 'c'],
			['c', 'b']
		];
		const result = tallyRanked(['a', 'b', 'c'], ballots, 5, 0);
		expect(result.rounds).toEqual([
			{ counts: { a: 2, b: 2, c: 1 }, eliminated: ['c'] },
			{ counts: { a: 2, b: 3 }, eliminated: [] }
		]);
		expect(result.winnerOptionId).toBe('b');
	});

	it('breaks an elimination tie by the previous round, then by the option listed later', () => {
		const ballots = [...Array(4).fill(['a']), ...Array(2).fill(['b', 'c']), ...Array(3).fill(['c']), ['d', 'b']];
		const result = tallyRanked(['a', 'b', 'c', 'd'], ballots, 10, 0);
		expect(result.rounds).toEqual([
			{ counts: { a: 4, b: 2, c: 3, d: 1 }, eliminated: ['d'] },
			// b and c tie at 3; b had fewer in the round before, so b goes (not c, the later-listed one).
			{ counts: { a: 4, b: 3, c: 3 }, eliminated: ['b'] },
			{ counts: { a: 4, c: 5 }, eliminated: [] }
		]);
		expect(result.winnerOptionId).toBe('c');
		// With no history to tell them apart, the option listed later goes out.
		expect(tallyRanked(['a', 'b', 'c'], [['a'], ['b'], ['c', 'a']], 3, 0).rounds[0]!.eliminated).toEqual(['c']);
	});

	it('declares a tie when every ballot is exhausted', () => {
		expect(tallyRanked(['a', 'b'], [[], []], 2, 0)).toMatchObject({ verdict: 'tied', tiedOptionIds: ['a', 'b'] });
	});

	const election = fc.integer({ min: 1, max: 6 }).chain((n) => {
		const options = Array.from({ length: n }, (_, i) => `o${i}`);
		return fc.tuple(fc.constant(options), fc.array(fc.shuffledSubarray(options), { maxLength: 40 }));
	});

	it('always ends with a winner or a declared tie, the same on a recount (property)', () => {
		fc.assert(
			fc.property(election, ([options, ballots]) => {
				const result = tallyRanked(options, ballots, Math.max(1, ballots.length), 0);
				expect(['decided', 'tied']).toContain(result.verdict);
				if (result.verdict === 'decided') expect(options).toContain(result.winnerOptionId);
				else expect(result.tiedOptionIds.length).toBeGreaterThan(0);
				expect(tallyRanked(options, ballots, Math.max(1, ballots.length), 0)).toEqual(result);
			})
		);
	});

	it('a majority first choice wins in the first round (property)', () => {
		fc.assert(
			fc.property(election, ([options, ballots]) => {
				const firsts = new Map<string, number>();
				for (const b of ballots) if (b[0]) firsts.set(b[0], (firsts.get(b[0]) ?? 0) + 1);
				const active = ballots.filter((b) => b.length > 0).length;
				const majority = [...firsts].find(([, n]) => 2 * n > active);
				const result = tallyRanked(options, ballots, Math.max(1, ballots.length), 0);
				if (majority) {
					expect(result.winnerOptionId).toBe(majority[0]);
					expect(result.rounds).toHaveLength(1);
				}
			})
		);
	});
});
