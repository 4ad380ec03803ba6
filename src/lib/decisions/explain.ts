/**
 * Why a proposal ended as it did, in the reader's language. The count keeps the facts
 * (turnout, votes, rounds); the sentence is made from them when someone reads it, so a
 * German reader and an Arabic one each read it in theirs, with their plural rules.
 */
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/i18n/locales';
import type { ProposalKind, ProposalStatus, Tally, Threshold } from './model';

export type Explanation =
	| { kind: 'no_quorum'; voted: number; eligible: number; quorumPct: number }
	| { kind: 'consent'; passed: boolean; voted: number; eligible: number; quorumPct: number; yes: number; cast: number; blocks: number; threshold: Threshold }
	| { kind: 'choice_decided'; approvals: number }
	| { kind: 'choice_tied'; options: number; approvals: number }
	| { kind: 'ranked_decided'; round: number; votes: number; active: number }
	| { kind: 'ranked_tied'; options: number }
	| { kind: 'no_options' };

const NEEDED: Record<Threshold, (inputs: object, options: { locale?: Locale }) => string> = {
	majority: m.outcome_needed_majority,
	two_thirds: m.outcome_needed_two_thirds,
	three_quarters: m.outcome_needed_three_quarters,
	unanimous: m.outcome_needed_unanimous,
	consensus: m.outcome_needed_consensus
};

/** The sentence, in `locale` (or the request's). */
export function explain(e: Explanation, locale?: Locale): string {
	const options = locale ? { locale } : {};
	switch (e.kind) {
		case 'no_quorum':
			return m.outcome_no_quorum({ voted: e.voted, eligible: e.eligible, quorum: e.quorumPct }, options);
		case 'consent':
			return m.outcome_consent(
				{
					verdict: e.passed ? m.outcome_passed({}, options) : m.outcome_rejected({}, options),
					voted: e.voted,
					eligible: e.eligible,
					quorum: e.quorumPct,
					votes: m.outcome_yes_of_cast({ yes: e.yes, cast: e.cast }, options),
					needed: NEEDED[e.threshold]({}, options),
					blocks: e.blocks === 0 ? m.outcome_no_blocks({}, options) : m.outcome_blocks({ count: e.blocks }, options)
				},
				options
			);
		case 'choice_decided':
			return m.outcome_choice_decided({ count: e.approvals }, options);
		case 'choice_tied':
			return m.outcome_choice_tied({ options: e.options, count: e.approvals }, options);
		case 'ranked_decided':
			return m.outcome_ranked_decided({ round: e.round, votes: e.votes, active: e.active }, options);
		case 'ranked_tied':
			return m.outcome_ranked_tied({ count: e.options }, options);
		case 'no_options':
			return m.outcome_no_options({}, options);
	}
}

export interface ClosedProposalFacts {
	kind: ProposalKind;
	status: ProposalStatus;
	rule: { threshold: Threshold; quorumPct: number };
	votedCount: number;
	eligibleCount: number;
	tally: Tally | null;
	outcome: { winnerOptionId: string } | null;
	/** As stored at the close: in English, whoever closed it. */
	reason: string | null;
}

/** What the stored count says, as the count itself said it (tally.ts builds the same facts). */
export function explanationOf(p: ClosedProposalFacts): Explanation | null {
	const { tally } = p;
	if (p.status === 'no_quorum') return { kind: 'no_quorum', voted: p.votedCount, eligible: p.eligibleCount, quorumPct: p.rule.quorumPct };
	if (!tally) return null;
	if ('yes' in tally && (p.status === 'passed' || p.status === 'rejected')) {
		return {
			kind: 'consent',
			passed: p.status === 'passed',
			voted: p.votedCount,
			eligible: p.eligibleCount,
			quorumPct: p.rule.quorumPct,
			yes: tally.yes,
			cast: tally.yes + tally.no + tally.block,
			blocks: tally.block,
			threshold: p.rule.threshold
		};
	}
	if ('counts' in tally) {
		const top = Math.max(0, ...Object.values(tally.counts));
		if (p.status === 'decided') return { kind: 'choice_decided', approvals: top };
		if (p.status === 'tied') return { kind: 'choice_tied', options: Object.values(tally.counts).filter((c) => c === top).length, approvals: top };
	}
	if ('rounds' in tally) {
		const last = tally.rounds.at(-1);
		if (!last) return p.status === 'tied' ? { kind: 'no_options' } : null;
		const active = Object.values(last.counts).reduce((sum, c) => sum + c, 0);
		if (p.status === 'decided' && p.outcome)
			return { kind: 'ranked_decided', round: tally.rounds.length, votes: last.counts[p.outcome.winnerOptionId] ?? 0, active };
		if (p.status === 'tied') return { kind: 'ranked_tied', options: Object.keys(last.counts).length };
	}
	return null;
}

/**
 * The reason for the reader: made afresh in their language from the stored count; what the
 * close added after the count's own sentence (a linked expense that could not be added)
 * follows as it was stored. A withdrawal names who withdrew it.
 */
export function readerReason(p: ClosedProposalFacts, locale?: Locale): string | null {
	if (p.status === 'open' || p.reason === null) return p.reason;
	const withdrawn = p.status === 'withdrawn' ? /^Withdrawn by (.+) before the close\.$/.exec(p.reason) : null;
	if (withdrawn) return m.outcome_withdrawn({ name: withdrawn[1]! }, locale ? { locale } : {});
	const facts = explanationOf(p);
	if (!facts) return p.reason;
	// The count stores its sentence in English (tally.ts); one this code did not write (an older wording) is kept whole rather than guessed at.
	const asStored = explain(facts, 'en');
	if (!p.reason.startsWith(asStored)) return p.reason;
	return explain(facts, locale) + p.reason.slice(asStored.length);
}
