/**
 * Proposals: opened with a frozen rule and frozen voters; the author may change the
 * words and options until the first vote, and withdraw while open; readers see the
 * running count unless the proposal hides it until the close.
 */
import { readerReason } from '$lib/decisions/explain';
import type { Kysely } from 'kysely';
import { getDb } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import { checkAndShare } from '$lib/server/money/expenses';
import { checkFundSpending } from '$lib/server/funds/funds';
import type { ExpenseInput } from '$lib/server/money/schemas';
import { DomainError, forbidden } from '$lib/server/errors';
import { audit } from '$lib/server/activity/log';
import type { MemberContext } from '$lib/server/households/context';
import { ballotsOf, countRow, lockProposal } from './closing';
import { dueBy } from '$lib/server/households/due';
import { notify } from '$lib/server/notifications/outbox';
import { closingReminderAt } from '$lib/server/notifications/reminders';
import { pathTo } from '$lib/paths';
import type { ProposalEdit, ProposalInput } from './schemas';
import type { Position, Proposal } from '$lib/decisions/model';
import { m } from '$lib/paraglide/messages';

const ROLES_OF = { all: ['adult', 'youth', 'child', 'guest'], adults_and_youth: ['adult', 'youth'], adults: ['adult'] } as const;

/** A vote open longer than a year is almost surely a typo in the year. */
const MAX_OPEN_DAYS = 366;

const ruleBroken = (field: string, message: string) => new DomainError(422, 'rule_broken', message, { [field]: message });

export async function createProposal(context: MemberContext, input: ProposalInput): Promise<{ id: string }> {
	const householdId = context.household.id;
	if (Date.parse(input.closesAt) <= Date.now()) throw ruleBroken('closesAt', m.e_closing_future());
	if (Date.parse(input.closesAt) > Date.now() + MAX_OPEN_DAYS * 86_400_000) throw ruleBroken('closesAt', `Close it within ${MAX_OPEN_DAYS} days.`);
	const voterClass = input.rule.voterClass ?? (input.expense || input.fundSpending ? 'adults' : 'all');
	return getDb()
		.transaction()
		.execute(async (trx) => {
			if (input.expense) await checkLinkedExpense(trx, householdId, input.expense);
			if (input.fundSpending) await checkFundSpending(trx, householdId, input.fundSpending);
			const linked = input.expense ?? input.fundSpending;
			const proposal = await trx
				.insertInto('proposals')
				.values({
					householdId,
					authorMemberId: context.member.id,
					title: input.title,
					body: input.body,
					kind: input.kind,
					threshold: input.rule.threshold,
					quorumPct: input.rule.quorumPct,
					voterClass,
					closesAt: new Date(input.closesAt),
					hideResults: input.hideResults ?? false,
					tally: null,
					outcome: null,
					linkedExpense: linked ? JSON.stringify(linked) : null
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			if (input.kind !== 'consent') {
				await trx
					.insertInto('proposalOptions')
					.values(input.options!.map((label, position) => ({ householdId, proposalId: proposal.id, label, position })))
					.execute();
			}
			// The electorate is frozen now: later role changes do not change who votes on this.
			const voters = await trx
				.selectFrom('members')
				.select('id')
				.where('householdId', '=', householdId)
				.where('active', '=', true)
				.where('role', 'in', [...ROLES_OF[voterClass]])
				.execute();
			if (voters.length)
				await trx
					.insertInto('proposalVoters')
					.values(voters.map((v) => ({ householdId, proposalId: proposal.id, memberId: v.id })))
					.execute();
			await audit(trx, context, {
				action: 'proposal.opened',
				subjectType: 'proposal',
				subjectId: proposal.id,
				facts: { actor: context.member.displayName, title: input.title }
			});
			await notify(trx, {
				householdId,
				kind: 'proposal.opened',
				actorMemberId: context.member.id,
				facts: { actor: context.member.displayName, title: input.title, closesAt: input.closesAt },
				path: pathTo('/h/[hid]/proposals/[pid]', { hid: householdId, pid: proposal.id }),
				recipients: voters.map((v) => v.id)
			});
			// Its closing is background work that falls due then, and so is the reminder to those who have not voted a day before.
			await dueBy(trx, householdId, closingReminderAt(new Date(input.closesAt)));
			return proposal;
		});
}

/**
 * The expense a money proposal adds when it passes must be one the house could add now
 * (the expense rules: payers and split adding up, active members, a known category);
 * otherwise it would pass and silently do nothing. Messages name `expense.…` fields.
 */
async function checkLinkedExpense(trx: Kysely<Database>, householdId: string, expense: ExpenseInput): Promise<void> {
	try {
		await checkAndShare(trx, householdId, expense, crypto.randomUUID());
	} catch (error) {
		if (!(error instanceof DomainError)) throw error;
		const fields = Object.fromEntries(Object.entries(error.fields).map(([field, message]) => [`expense.${field}`, message]));
		throw new DomainError(422, error.code, `The expense it would add: ${error.message}`, fields);
	}
}

/** Rules for changing an open proposal: its author only, and only while it is open. */
async function lockForAuthor(context: MemberContext, proposalId: string, trx: Parameters<typeof lockProposal>[0]) {
	const row = await lockProposal(trx, context.household.id, proposalId);
	if (row.authorMemberId !== context.member.id) throw forbidden(m.e_author_only());
	if (row.status !== 'open' || row.closesAt.getTime() <= Date.now()) throw new DomainError(409, 'closed', m.e_closed_no_change());
	return row;
}

/** The words and options, until the first vote: after that voters would be voting on something else. */
export async function editProposal(context: MemberContext, proposalId: string, edit: ProposalEdit): Promise<void> {
	const householdId = context.household.id;
	await getDb()
		.transaction()
		.execute(async (trx) => {
			const row = await lockForAuthor(context, proposalId, trx);
			const voted = await trx
				.selectFrom('voteHistory')
				.select('id')
				.where('householdId', '=', householdId)
				.where('proposalId', '=', proposalId)
				.limit(1)
				.executeTakeFirst();
			if (voted) throw new DomainError(409, 'has_votes', m.e_has_votes());
			if (edit.options && row.kind === 'consent' && edit.options.length > 0) throw ruleBroken('options', m.e_consent_no_options());
			if (edit.options && row.kind !== 'consent') {
				if (edit.options.length < 2) throw ruleBroken('options', m.v_two_options());
				await trx.deleteFrom('proposalOptions').where('householdId', '=', householdId).where('proposalId', '=', proposalId).execute();
				await trx
					.insertInto('proposalOptions')
					.values(edit.options.map((label, position) => ({ householdId, proposalId, label, position })))
					.execute();
			}
			const title = edit.title ?? row.title;
			await trx
				.updateTable('proposals')
				.set({ title, body: edit.body ?? row.body })
				.where('householdId', '=', householdId)
				.where('id', '=', proposalId)
				.execute();
			await audit(trx, context, {
				action: 'proposal.edited',
				subjectType: 'proposal',
				subjectId: proposalId,
				facts: { actor: context.member.displayName, title },
				details: { before: { title: row.title, body: row.body }, after: { title, body: edit.body ?? row.body } }
			});
		});
}

/** The author takes it back: no verdict, nothing created, and no more votes. */
export async function withdrawProposal(context: MemberContext, proposalId: string): Promise<void> {
	const householdId = context.household.id;
	await getDb()
		.transaction()
		.execute(async (trx) => {
			const row = await lockForAuthor(context, proposalId, trx);
			// Stored in English, as every outcome is; pages tell it again in the reader's language.
			const reason = m.outcome_withdrawn({ name: context.member.displayName }, { locale: 'en' });
			await trx
				.updateTable('proposals')
				.set({ status: 'withdrawn', reason, closedAt: new Date() })
				.where('householdId', '=', householdId)
				.where('id', '=', proposalId)
				.execute();
			await audit(trx, context, {
				action: 'proposal.withdrawn',
				subjectType: 'proposal',
				subjectId: proposalId,
				facts: { actor: context.member.displayName, title: row.title }
			});
		});
}

export type { Proposal } from '$lib/decisions/model';

export interface VoterStatus {
	memberId: string;
	voted: boolean;
	/** How they voted: shown once results are visible (and always to the voter themself). */
	vote: {
		position: Position | null;
		optionIds: string[] | null;
		ranking: string[] | null;
		reason: string | null;
		castByMemberId: string;
		castAt: string;
	} | null;
}

/** One proposal as its readers see it (a due one was closed by the guard's catch-up step). */
export async function getProposal(householdId: string, proposalId: string): Promise<Proposal> {
	return (await loadProposals(householdId, [proposalId]))[0]!;
}

/** Who may vote on it, who has, and — where results are visible, or it is their own — how. */
export async function proposalVoters(householdId: string, proposal: Proposal, viewerMemberId: string): Promise<VoterStatus[]> {
	const { voters, votes } = await ballotsOf(getDb(), householdId, [proposal.id]);
	const visible = resultsVisible(proposal);
	return voters.map(({ memberId }) => {
		const vote = votes.find((v) => v.memberId === memberId);
		const shown = vote && (visible || memberId === viewerMemberId || vote.castByMemberId === viewerMemberId);
		return {
			memberId,
			voted: Boolean(vote),
			vote: shown
				? {
						position: vote.position,
						optionIds: vote.optionIds,
						ranking: vote.ranking,
						reason: vote.reason,
						castByMemberId: vote.castByMemberId,
						castAt: vote.castAt.toISOString()
					}
				: null
		};
	});
}

export const resultsVisible = (proposal: Pick<Proposal, 'status' | 'hideResults'>) => proposal.status !== 'open' || !proposal.hideResults;

/** Open ones first (closing soonest first), then closed ones, most recently closed first. */
/** Open proposals this member may vote on and has not yet, closing soonest first. */
export async function awaitingVoteOf(householdId: string, memberId: string): Promise<Array<{ id: string; title: string; closesAt: string }>> {
	const rows = await getDb()
		.selectFrom('proposals')
		.innerJoin('proposalVoters', (join) =>
			join.onRef('proposalVoters.householdId', '=', 'proposals.householdId').onRef('proposalVoters.proposalId', '=', 'proposals.id')
		)
		.leftJoin('votes', (join) =>
			join
				.onRef('votes.householdId', '=', 'proposalVoters.householdId')
				.onRef('votes.proposalId', '=', 'proposalVoters.proposalId')
				.onRef('votes.memberId', '=', 'proposalVoters.memberId')
		)
		.select(['proposals.id', 'proposals.title', 'proposals.closesAt'])
		.where('proposals.householdId', '=', householdId)
		.where('proposals.status', '=', 'open')
		.where('proposalVoters.memberId', '=', memberId)
		.where('votes.memberId', 'is', null)
		.orderBy('proposals.closesAt')
		.limit(50)
		.execute();
	return rows.map((r) => ({ id: r.id, title: r.title, closesAt: r.closesAt.toISOString() }));
}

/** How many voters (or current votes) each of these proposals has. */
function rowsPerProposal(table: 'proposalVoters' | 'votes', householdId: string, ids: string[]): Promise<Array<{ proposalId: string; n: string }>> {
	return getDb()
		.selectFrom(table)
		.select(['proposalId', (eb) => eb.fn.countAll<string>().as('n')])
		.where('householdId', '=', householdId)
		.where('proposalId', 'in', ids)
		.groupBy('proposalId')
		.execute();
}

/**
 * These proposals, in this order, as readers see them. `runningCounts: false` (a list that
 * shows no counts) leaves the ballots of open proposals unread: their tally is null.
 */
export async function loadProposals(householdId: string, ids: string[], { runningCounts = true } = {}): Promise<Proposal[]> {
	if (ids.length === 0) return [];
	const db = getDb();
	const [rows, options, voterCounts, voteCounts, blocks] = await Promise.all([
		db.selectFrom('proposals').selectAll().where('householdId', '=', householdId).where('id', 'in', ids).execute(),
		db
			.selectFrom('proposalOptions')
			.select(['proposalId', 'id', 'label'])
			.where('householdId', '=', householdId)
			.where('proposalId', 'in', ids)
			.orderBy('position')
			.execute(),
		rowsPerProposal('proposalVoters', householdId, ids),
		rowsPerProposal('votes', householdId, ids),
		// Who blocked a rejected proposal: its outcome names them ("Blocked by Mia").
		db
			.selectFrom('votes')
			.innerJoin('proposals', (join) => join.onRef('proposals.householdId', '=', 'votes.householdId').onRef('proposals.id', '=', 'votes.proposalId'))
			.select(['votes.proposalId', 'votes.memberId'])
			.where('votes.householdId', '=', householdId)
			.where('votes.proposalId', 'in', ids)
			.where('votes.position', '=', 'block')
			.where('proposals.status', '=', 'rejected')
			.orderBy('votes.castAt')
			.execute()
	]);
	// Ballots are read only where a running count is shown: open proposals that do not hide it.
	const counted = runningCounts ? rows.filter((r) => r.status === 'open' && !r.hideResults).map((r) => r.id) : [];
	const ballots = await ballotsOf(db, householdId, counted);
	// Each list grouped once by proposal: a lookup per proposal, not a scan of every row.
	const byId = new Map(rows.map((r) => [r.id, r]));
	const optionsOf = groupBy(options, (o) => ({ id: o.id, label: o.label }));
	const blockersOf = groupBy(blocks, (b) => b.memberId);
	const voters = new Map(voterCounts.map((c) => [c.proposalId, Number(c.n)]));
	const voted = new Map(voteCounts.map((c) => [c.proposalId, Number(c.n)]));
	return ids.flatMap((id) => {
		const row = byId.get(id);
		if (!row) return [];
		const open = row.status === 'open';
		const expense = row.linkedExpense;
		return [
			{
				id,
				title: row.title,
				body: row.body,
				kind: row.kind,
				options: optionsOf.get(id) ?? [],
				rule: { threshold: row.threshold, quorumPct: row.quorumPct, voterClass: row.voterClass },
				closesAt: row.closesAt.toISOString(),
				status: row.status,
				hideResults: row.hideResults,
				eligibleCount: voters.get(id) ?? 0,
				votedCount: voted.get(id) ?? 0,
				// The running count ignores the quorum, so an open ranked vote shows its first choices rather than an empty table.
				tally: open ? (row.hideResults || !runningCounts ? null : countRow({ ...row, quorumPct: 0 }, ballots).tally) : row.tally,
				outcome: row.outcome ?? null,
				blockedByMemberIds: blockersOf.get(id) ?? [],
				// The close's sentence, told again in the reader's language from the stored count.
				reason: readerReason({
					kind: row.kind,
					status: row.status,
					rule: row,
					votedCount: voted.get(id) ?? 0,
					eligibleCount: voters.get(id) ?? 0,
					tally: row.tally,
					outcome: row.outcome ?? null,
					reason: row.reason
				}),
				linkedExpense: expense ? { description: expense.description, amountMinor: expense.amountMinor, fundId: expense.fundId ?? null } : null,
				linkedExpenseId: row.linkedExpenseId,
				authorMemberId: row.authorMemberId,
				createdAt: row.createdAt.toISOString(),
				closedAt: row.closedAt?.toISOString() ?? null
			}
		];
	});
}

function groupBy<T extends { proposalId: string }, V>(rows: T[], value: (row: T) => V): Map<string, V[]> {
	const grouped = new Map<string, V[]>();
	for (const row of rows) {
		const list = grouped.get(row.proposalId);
		if (list) list.push(value(row));
		else grouped.set(row.proposalId, [value(row)]);
	}
	return grouped;
}
