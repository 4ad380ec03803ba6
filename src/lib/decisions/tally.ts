/**
 * The house's decision rules, as pure functions: consent with thresholds, quorum and
 * blocks; approval voting; instant-runoff for ranked ballots. Each result says why.
 */
import type { ConsentTally, Position, ProposalKind, Tally, Threshold } from './model';
// The stored sentence is English, the record's one wording; each reader reads it in theirs (explain.ts, readerReason).
import { explain } from './explain';

export type { Position, ProposalKind, Threshold };

export interface Rule {
	threshold: Threshold;
	/** Percentage (0–100) of eligible voters who must cast any vote, abstentions included. */
	quorumPct: number;
}

export interface Quorum {
	met: boolean;
	voted: number;
	eligible: number;
}

/** Whole-number arithmetic: 60% of 5 voters is met by 3, not 2.99. */
export function quorum(voted: number, eligible: number, quorumPct: number): Quorum {
	return { met: eligible > 0 && voted * 100 >= quorumPct * eligible, voted, eligible };
}

export interface ConsentResult {
	verdict: 'passed' | 'rejected' | 'no_quorum';
	tally: ConsentTally;
	reason: string;
}

export function tallyConsent(positions: Position[], eligible: number, rule: Rule): ConsentResult {
	const tally: ConsentTally = { yes: 0, no: 0, abstain: 0, block: 0 };
	for (const position of positions) tally[position]++;
	const q = quorum(positions.length, eligible, rule.quorumPct);
	if (!q.met)
		return { verdict: 'no_quorum', tally, reason: explain({ kind: 'no_quorum', voted: q.voted, eligible: q.eligible, quorumPct: rule.quorumPct }, 'en') };
	// A block counts as a no under every threshold; abstentions count only for the quorum.
	const cast = tally.yes + tally.no + tally.block;
	const { yes } = tally;
	const passes =
		cast > 0 &&
		{
			majority: 2 * yes > cast,
			two_thirds: 3 * yes >= 2 * cast,
			three_quarters: 4 * yes >= 3 * cast,
			unanimous: yes === cast,
			consensus: tally.block === 0 && yes > tally.no + tally.block
		}[rule.threshold];
	return {
		verdict: passes ? 'passed' : 'rejected',
		tally,
		reason: explain(
			{
				kind: 'consent',
				passed: passes,
				voted: q.voted,
				eligible: q.eligible,
				quorumPct: rule.quorumPct,
				yes,
				cast,
				blocks: tally.block,
				threshold: rule.threshold
			},
			'en'
		)
	};
}

export interface ChoiceResult {
	verdict: 'decided' | 'tied' | 'no_quorum';
	counts: Record<string, number>;
	winnerOptionId: string | null;
	tiedOptionIds: string[];
	reason: string;
}

/** Approval voting: each ballot approves any number of options; most approvals wins. */
export function tallyChoice(optionIds: string[], ballots: string[][], eligible: number, quorumPct: number): ChoiceResult {
	const counts = Object.fromEntries(optionIds.map((id) => [id, 0]));
	for (const ballot of ballots) for (const id of new Set(ballot)) if (id in counts) counts[id]!++;
	const q = quorum(ballots.length, eligible, quorumPct);
	if (!q.met)
		return {
			verdict: 'no_quorum',
			counts,
			winnerOptionId: null,
			tiedOptionIds: [],
			reason: explain({ kind: 'no_quorum', voted: q.voted, eligible: q.eligible, quorumPct }, 'en')
		};
	const top = Math.max(0, ...Object.values(counts));
	const leaders = optionIds.filter((id) => counts[id] === top);
	if (leaders.length === 1)
		return {
			verdict: 'decided',
			counts,
			winnerOptionId: leaders[0]!,
			tiedOptionIds: [],
			reason: explain({ kind: 'choice_decided', approvals: top }, 'en')
		};
	return {
		verdict: 'tied',
		counts,
		winnerOptionId: null,
		tiedOptionIds: leaders,
		reason: explain({ kind: 'choice_tied', options: leaders.length, approvals: top }, 'en')
	};
}

export interface RankedRound {
	counts: Record<string, number>;
	eliminated: string[];
}

export interface RankedResult {
	verdict: 'decided' | 'tied' | 'no_quorum';
	rounds: RankedRound[];
	winnerOptionId: string | null;
	tiedOptionIds: string[];
	reason: string;
}

/**
 * Instant-runoff: each round counts every ballot for its highest-ranked option still in
 * the race; more than half of the continuing ballots wins. Otherwise the option with the
 * fewest votes goes out; ties for that go by fewer votes in the previous round, then the
 * round before, then the option listed later. When no ballot ranks any option still in
 * the race, the options left are tied.
 */
export function tallyRanked(optionIds: string[], ballots: string[][], eligible: number, quorumPct: number): RankedResult {
	const q = quorum(ballots.length, eligible, quorumPct);
	if (!q.met)
		return {
			verdict: 'no_quorum',
			rounds: [],
			winnerOptionId: null,
			tiedOptionIds: [],
			reason: explain({ kind: 'no_quorum', voted: q.voted, eligible: q.eligible, quorumPct }, 'en')
		};
	const continuing = new Set(optionIds);
	const rounds: RankedRound[] = [];
	while (continuing.size > 0) {
		const counts = Object.fromEntries([...continuing].map((id) => [id, 0]));
		let active = 0;
		for (const ballot of ballots) {
			const choice = ballot.find((id) => continuing.has(id));
			if (choice) {
				counts[choice]!++;
				active++;
			}
		}
		const leader = [...continuing].find((id) => 2 * counts[id]! > active);
		if (leader) {
			rounds.push({ counts, eliminated: [] });
			return {
				verdict: 'decided',
				rounds,
				winnerOptionId: leader,
				tiedOptionIds: [],
				reason: explain({ kind: 'ranked_decided', round: rounds.length, votes: counts[leader]!, active }, 'en')
			};
		}
		if (active === 0) {
			rounds.push({ counts, eliminated: [] });
			const tied = optionIds.filter((id) => continuing.has(id));
			return { verdict: 'tied', rounds, winnerOptionId: null, tiedOptionIds: tied, reason: explain({ kind: 'ranked_tied', options: tied.length }, 'en') };
		}
		const loser = [...continuing].sort((a, b) => {
			if (counts[a] !== counts[b]) return counts[a]! - counts[b]!;
			for (let r = rounds.length - 1; r >= 0; r--) {
				const diff = (rounds[r]!.counts[a] ?? 0) - (rounds[r]!.counts[b] ?? 0);
				if (diff !== 0) return diff;
			}
			return optionIds.indexOf(b) - optionIds.indexOf(a);
		})[0]!;
		continuing.delete(loser);
		rounds.push({ counts, eliminated: [loser] });
	}
	return { verdict: 'tied', rounds, winnerOptionId: null, tiedOptionIds: [], reason: explain({ kind: 'no_options' }, 'en') };
}

export interface Ballot {
	position: Position | null;
	optionIds: string[] | null;
	ranking: string[] | null;
}

export interface ProposalCount {
	verdict: ConsentResult['verdict'] | ChoiceResult['verdict'];
	/** As stored and served: `{yes, no, abstain, block}`, `{counts}` or `{rounds}`. */
	tally: Tally;
	winnerOptionId: string | null;
	reason: string;
}

/** Counts a proposal's ballots by its own kind and rule: at the close, or as a running count while open. */
export function countProposal(kind: ProposalKind, rule: Rule, optionIds: string[], ballots: Ballot[], eligible: number): ProposalCount {
	if (kind === 'consent') {
		const result = tallyConsent(
			ballots.flatMap((b) => (b.position ? [b.position] : [])),
			eligible,
			rule
		);
		return { verdict: result.verdict, tally: { ...result.tally }, winnerOptionId: null, reason: result.reason };
	}
	if (kind === 'choice') {
		const result = tallyChoice(
			optionIds,
			ballots.map((b) => b.optionIds ?? []),
			eligible,
			rule.quorumPct
		);
		return { verdict: result.verdict, tally: { counts: result.counts }, winnerOptionId: result.winnerOptionId, reason: result.reason };
	}
	const result = tallyRanked(
		optionIds,
		ballots.map((b) => b.ranking ?? []),
		eligible,
		rule.quorumPct
	);
	return { verdict: result.verdict, tally: { rounds: result.rounds }, winnerOptionId: result.winnerOptionId, reason: result.reason };
}
