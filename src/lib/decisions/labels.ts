/** The words people read for the decision rules and verdicts, shared by every page; keyed by the model's value lists. */
import type { Position, ProposalKind, ProposalStatus, Threshold, VoterClass } from './model';

export const KIND_LABELS: Record<ProposalKind, string> = {
	consent: 'Consent (yes / no / abstain / block)',
	choice: 'Choice (approve any of the options)',
	ranked: 'Ranked (rank the options; instant runoff)'
};

export const KIND_SHORT: Record<ProposalKind, string> = { consent: 'consent', choice: 'choice', ranked: 'ranked choice' };

export const THRESHOLD_LABELS: Record<Threshold, string> = {
	majority: 'Majority (more than half)',
	two_thirds: 'Two thirds',
	three_quarters: 'Three quarters',
	unanimous: 'Unanimous',
	consensus: 'Consensus (no block, more yes than no)'
};

export const VOTER_CLASS_LABELS: Record<VoterClass, string> = {
	all: 'Everyone, children too',
	adults_and_youth: 'Adults and youth',
	adults: 'Adults only'
};

export const STATUS_LABELS: Record<ProposalStatus, string> = {
	open: 'Open',
	passed: 'Passed',
	rejected: 'Rejected',
	no_quorum: 'No quorum',
	decided: 'Decided',
	tied: 'Tied',
	withdrawn: 'Withdrawn'
};

export const POSITION_LABELS: Record<Position, string> = { yes: 'Yes', no: 'No', abstain: 'Abstain', block: 'Block' };

/** "two thirds, quorum 60%, adults only" */
export function describeRule(rule: { threshold: Threshold; quorumPct: number; voterClass: VoterClass }): string {
	return `${THRESHOLD_LABELS[rule.threshold].toLowerCase()}, quorum ${rule.quorumPct}%, ${VOTER_CLASS_LABELS[rule.voterClass].toLowerCase()}`;
}

/**
 * The result in the words people use, said first: "Chosen: Baltic coast", "Passed",
 * "Blocked by Mia", "No quorum", "Tied", "Withdrawn" — the counting sentence comes after.
 */
export function outcomeHeadline(proposal: { status: ProposalStatus; winnerLabel?: string | null; blockedBy?: string[] }): string {
	if (proposal.status === 'decided' && proposal.winnerLabel) return `Chosen: ${proposal.winnerLabel}`;
	if (proposal.status === 'rejected' && proposal.blockedBy?.length) return `Blocked by ${listOfNames(proposal.blockedBy)}`;
	return STATUS_LABELS[proposal.status];
}

/** "Mia", "Mia and Leo", "Mia, Leo and Rosa". */
function listOfNames(names: string[]): string {
	return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
