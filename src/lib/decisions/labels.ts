/** The words people read for the decision rules and verdicts, shared by every page; keyed by the model's value lists. */
import type { Position, ProposalKind, ProposalStatus, Threshold, VoterClass } from './model';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { labelsOf, listOf } from '$lib/i18n/labels';

export const KIND_LABELS = labelsOf<ProposalKind>({ consent: m.kind_consent, choice: m.kind_choice, ranked: m.kind_ranked });

export const KIND_SHORT = labelsOf<ProposalKind>({ consent: m.kind_short_consent, choice: m.kind_short_choice, ranked: m.kind_short_ranked });

export const THRESHOLD_LABELS = labelsOf<Threshold>({
	majority: m.threshold_majority,
	two_thirds: m.threshold_two_thirds,
	three_quarters: m.threshold_three_quarters,
	unanimous: m.threshold_unanimous,
	consensus: m.threshold_consensus
});

export const VOTER_CLASS_LABELS = labelsOf<VoterClass>({ all: m.voters_all, adults_and_youth: m.voters_adults_and_youth, adults: m.voters_adults });

export const STATUS_LABELS = labelsOf<ProposalStatus>({
	open: m.status_open,
	passed: m.status_passed,
	rejected: m.status_rejected,
	no_quorum: m.status_no_quorum,
	decided: m.status_decided,
	tied: m.status_tied,
	withdrawn: m.status_withdrawn
});

export const POSITION_LABELS = labelsOf<Position>({ yes: m.position_yes, no: m.position_no, abstain: m.position_abstain, block: m.position_block });

/** "two thirds, quorum 60%, adults only" */
export function describeRule(rule: { threshold: Threshold; quorumPct: number; voterClass: VoterClass }): string {
	// Within a sentence the labels lose their capital, except in German, whose nouns keep theirs.
	const inSentence = (label: string) => (getLocale() === 'de' ? label : label.toLocaleLowerCase(getLocale()));
	return m.rule_described({
		threshold: inSentence(THRESHOLD_LABELS[rule.threshold]),
		quorum: rule.quorumPct,
		voters: inSentence(VOTER_CLASS_LABELS[rule.voterClass])
	});
}

/**
 * The result in the words people use, said first: "Chosen: Baltic coast", "Passed",
 * "Blocked by Mia", "No quorum", "Tied", "Withdrawn" — the counting sentence comes after.
 */
export function outcomeHeadline(proposal: { status: ProposalStatus; winnerLabel?: string | null; blockedBy?: string[] }): string {
	if (proposal.status === 'decided' && proposal.winnerLabel) return m.headline_chosen({ option: proposal.winnerLabel });
	if (proposal.status === 'rejected' && proposal.blockedBy?.length) return m.headline_blocked_by({ names: listOf(proposal.blockedBy) });
	return STATUS_LABELS[proposal.status];
}
