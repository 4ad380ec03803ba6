/**
 * Proposals: opened with a frozen rule and frozen voters; one current vote per voter;
 * closed exactly once (row lock) at the closing time — lazily on the next read or vote,
 * early when everyone voted, or by an admin — storing the tally and running the
 * linked expense once.
 */
import type { Kysely } from 'kysely';
import { getDb } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import { DomainError, forbidden, notFound } from '$lib/server/errors';
import { isUuid } from '$lib/server/ids';
import { logActivity } from '$lib/server/activity/log';
import type { MemberContext } from '$lib/server/households/guard';
import { insertExpense } from '$lib/server/money/expenses';
import type { ExpenseInput } from '$lib/server/money/schemas';
import { tallyChoice, tallyConsent, tallyRanked, type Position } from '$lib/decisions/tally';
import type { ProposalInput, VoteInput } from './schemas';

const ROLES_OF = { all: ['adult', 'youth', 'child', 'guest'], adults_and_youth: ['adult', 'youth'], adults: ['adult'] } as const;

export async function createProposal(context: MemberContext, input: ProposalInput): Promise<{ id: string }> {
	const householdId = context.household.id;
	if (Date.parse(input.closesAt) <= Date.now()) throw new DomainError(422, 'rule_broken', 'The closing time must be in the future.', { closesAt: 'The closing time must be in the future.' });
	const voterClass = input.rule.voterClass ?? (input.expense ? 'adults' : 'all');
	return getDb()
		.transaction()
		.execute(async (trx) => {
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
					linkedExpense: input.expense ? JSON.stringify(input.expense) : null
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			if (input.kind !== 'consent') {
				await trx.insertInto('proposalOptions').values(input.options!.map((label, position) => ({ householdId, proposalId: proposal.id, label, position }))).execute();
			}
			// The electorate is frozen now: later role changes do not change who votes on this.
			const voters = await trx.selectFrom('members').select('id').where('householdId', '=', householdId).where('active', '=', true).where('role', 'in', [...ROLES_OF[voterClass]]).execute();
			if (voters.length) await trx.insertInto('proposalVoters').values(voters.map((v) => ({ householdId, proposalId: proposal.id, memberId: v.id }))).execute();
			await logActivity(trx, { householdId, actorMemberId: context.member.id, action: 'proposal.opened', subjectType: 'proposal', subjectId: proposal.id, summary: `${context.member.displayName} proposed “${input.title}”.` });
			return proposal;
		});
}

async function lockOpen(trx: Kysely<Database>, householdId: string, proposalId: string) {
	if (!isUuid(proposalId)) throw notFound('That proposal');
	const row = await trx.selectFrom('proposals').selectAll().where('householdId', '=', householdId).where('id', '=', proposalId).forUpdate().executeTakeFirst();
	if (!row) throw notFound('That proposal');
	return row;
}

/** Computes and stores the verdict of a locked, open proposal; creates the linked expense if it passed. */
async function closeLocked(trx: Kysely<Database>, row: Awaited<ReturnType<typeof lockOpen>>): Promise<void> {
	const householdId = row.householdId;
	const [voters, votes, options] = await Promise.all([
		trx.selectFrom('proposalVoters').select('memberId').where('householdId', '=', householdId).where('proposalId', '=', row.id).execute(),
		trx.selectFrom('votes').selectAll().where('householdId', '=', householdId).where('proposalId', '=', row.id).execute(),
		trx.selectFrom('proposalOptions').select('id').where('householdId', '=', householdId).where('proposalId', '=', row.id).orderBy('position').execute()
	]);
	const optionIds = options.map((o) => o.id);
	let status: string;
	let tally: Record<string, unknown>;
	let outcome: Record<string, unknown> | null = null;
	let reason: string;
	if (row.kind === 'consent') {
		const result = tallyConsent(votes.map((v) => v.position as Position), voters.length, { threshold: row.threshold, quorumPct: row.quorumPct });
		({ verdict: status, reason } = result);
		tally = { ...result.tally };
	} else {
		const ballots = votes.map((v) => (row.kind === 'choice' ? (v.optionIds ?? []) : (v.ranking ?? [])));
		const result = row.kind === 'choice' ? tallyChoice(optionIds, ballots, voters.length, row.quorumPct) : tallyRanked(optionIds, ballots, voters.length, row.quorumPct);
		({ verdict: status, reason } = result);
		tally = 'counts' in result ? { counts: result.counts } : { rounds: result.rounds };
		if (result.winnerOptionId) outcome = { winnerOptionId: result.winnerOptionId };
	}
	let linkedExpenseId: string | null = null;
	if (row.linkedExpense && (status === 'passed' || status === 'decided')) {
		const author = await trx.selectFrom('members').selectAll().where('householdId', '=', householdId).where('id', '=', row.authorMemberId).executeTakeFirstOrThrow();
		const household = await trx.selectFrom('households').selectAll().where('id', '=', householdId).executeTakeFirstOrThrow();
		try {
			const expense = await insertExpense(trx, { household, member: author }, row.linkedExpense as unknown as ExpenseInput, crypto.randomUUID(), `“${row.title}” passed: its expense was added.`);
			linkedExpenseId = expense?.id ?? null;
		} catch (error) {
			// The house changed since the proposal opened (someone left): the verdict stands, the expense is for a person to add.
			if (!(error instanceof DomainError)) throw error;
			reason += ` The linked expense could not be added: ${error.message}`;
		}
	}
	await trx
		.updateTable('proposals')
		.set({ status, tally: JSON.stringify(tally), outcome: outcome ? JSON.stringify(outcome) : null, reason, linkedExpenseId, closedAt: new Date() })
		.where('householdId', '=', householdId)
		.where('id', '=', row.id)
		.execute();
	await logActivity(trx, { householdId, actorMemberId: null, action: 'proposal.closed', subjectType: 'proposal', subjectId: row.id, summary: `“${row.title}” closed. ${reason}` });
}

/** Closes it if its time has come; safe to call on every read (lazy closing). */
export async function closeIfDue(householdId: string, proposalId: string): Promise<void> {
	await getDb()
		.transaction()
		.execute(async (trx) => {
			const row = await lockOpen(trx, householdId, proposalId);
			if (row.status === 'open' && row.closesAt.getTime() <= Date.now()) await closeLocked(trx, row);
		});
}

/** An admin closes early; anyone may once the closing time has passed. Closing twice is a 409. */
export async function closeProposal(context: MemberContext, proposalId: string): Promise<void> {
	await getDb()
		.transaction()
		.execute(async (trx) => {
			const row = await lockOpen(trx, context.household.id, proposalId);
			if (row.status !== 'open') throw new DomainError(409, 'closed', 'This proposal is already closed.');
			if (!context.member.isAdmin && row.closesAt.getTime() > Date.now()) throw forbidden('Only an admin can close a proposal before its closing time.');
			await closeLocked(trx, row);
		});
}

export async function castVote(context: MemberContext, proposalId: string, vote: VoteInput): Promise<void> {
	const householdId = context.household.id;
	const closedLate = await getDb()
		.transaction()
		.execute(async (trx) => {
			const row = await lockOpen(trx, householdId, proposalId);
			if (row.status !== 'open') throw new DomainError(409, 'closed', 'This proposal is closed; votes can no longer change.');
			// A vote after the closing time never counts, even if no job has closed it yet.
			if (row.closesAt.getTime() <= Date.now()) {
				await closeLocked(trx, row);
				return true;
			}
			let voterId = context.member.id;
			if (vote.onBehalfOfMemberId && vote.onBehalfOfMemberId !== context.member.id) {
				if (!context.member.isAdmin) throw forbidden('Only an admin can vote on behalf of someone.');
				const proxied = await trx.selectFrom('members').select(['userId']).where('householdId', '=', householdId).where('id', '=', vote.onBehalfOfMemberId).executeTakeFirst();
				if (!proxied || proxied.userId) throw forbidden('Proxy votes are for members without a login.');
				voterId = vote.onBehalfOfMemberId;
			}
			const eligible = await trx.selectFrom('proposalVoters').select('memberId').where('householdId', '=', householdId).where('proposalId', '=', proposalId).where('memberId', '=', voterId).executeTakeFirst();
			if (!eligible) throw forbidden('This proposal’s voters were fixed when it opened, and they do not include this member.');
			const options = (await trx.selectFrom('proposalOptions').select('id').where('householdId', '=', householdId).where('proposalId', '=', proposalId).execute()).map((o) => o.id);
			const ballot = checkBallot(row.kind, vote, options);
			const values = { householdId, proposalId, memberId: voterId, ...ballot, reason: vote.reason || null, castByMemberId: context.member.id };
			await trx
				.insertInto('votes')
				.values(values)
				.onConflict((oc) => oc.columns(['householdId', 'proposalId', 'memberId']).doUpdateSet({ ...ballot, reason: values.reason, castByMemberId: values.castByMemberId, castAt: new Date() }))
				.execute();
			await trx.insertInto('voteHistory').values({ ...values, castAt: new Date() }).execute();
			const [{ voted }, { total }] = await Promise.all([
				trx.selectFrom('votes').select((eb) => eb.fn.countAll<string>().as('voted')).where('householdId', '=', householdId).where('proposalId', '=', proposalId).executeTakeFirstOrThrow(),
				trx.selectFrom('proposalVoters').select((eb) => eb.fn.countAll<string>().as('total')).where('householdId', '=', householdId).where('proposalId', '=', proposalId).executeTakeFirstOrThrow()
			]);
			if (Number(voted) >= Number(total)) await closeLocked(trx, row);
			return false;
		});
	if (closedLate) throw new DomainError(409, 'closed', 'This proposal closed before your vote arrived.');
}

function checkBallot(kind: string, vote: VoteInput, options: string[]) {
	const empty = { position: null, optionIds: null, ranking: null };
	const bad = (field: string, message: string) => new DomainError(422, 'rule_broken', message, { [field]: message });
	if (kind === 'consent') {
		if (!vote.position) throw bad('position', 'Vote yes, no, abstain or block.');
		if (vote.position === 'block' && !vote.reason?.trim()) throw bad('reason', 'A block needs a reason.');
		return { ...empty, position: vote.position };
	}
	const chosen = kind === 'choice' ? vote.optionIds : vote.ranking;
	const field = kind === 'choice' ? 'optionIds' : 'ranking';
	if (!chosen) throw bad(field, kind === 'choice' ? 'Choose the options you approve.' : 'Rank the options.');
	if (new Set(chosen).size !== chosen.length || chosen.some((id) => !options.includes(id))) throw bad(field, 'Use this proposal’s options, each once.');
	return kind === 'choice' ? { ...empty, optionIds: JSON.stringify(chosen) } : { ...empty, ranking: JSON.stringify(chosen) };
}

export interface Proposal {
	id: string;
	title: string;
	body: string;
	kind: 'consent' | 'choice' | 'ranked';
	options: Array<{ id: string; label: string }>;
	rule: { threshold: string; quorumPct: number; voterClass: string };
	closesAt: string;
	status: string;
	eligibleCount: number;
	votedCount: number;
	tally: Record<string, unknown> | null;
	outcome: Record<string, unknown> | null;
	reason: string | null;
	linkedExpenseId: string | null;
	authorMemberId: string;
}

/** One proposal as its readers see it; closes it first if its time has come. */
export async function getProposal(householdId: string, proposalId: string): Promise<Proposal> {
	await closeIfDue(householdId, proposalId);
	return (await loadProposals(householdId, [proposalId]))[0]!;
}

/** Open ones first (closing soonest first), then closed ones, newest first. */
export async function listProposals(householdId: string, status?: 'open' | 'closed'): Promise<Proposal[]> {
	const due = await getDb().selectFrom('proposals').select('id').where('householdId', '=', householdId).where('status', '=', 'open').where('closesAt', '<=', new Date()).execute();
	for (const { id } of due) await closeIfDue(householdId, id);
	let query = getDb().selectFrom('proposals').select('id').where('householdId', '=', householdId);
	if (status === 'open') query = query.where('status', '=', 'open');
	if (status === 'closed') query = query.where('status', '!=', 'open');
	const ids = (await query.orderBy((eb) => eb.case().when('status', '=', 'open').then(0).else(1).end()).orderBy('closesAt', 'asc').limit(200).execute()).map((r) => r.id);
	const proposals = await loadProposals(householdId, ids);
	const open = proposals.filter((p) => p.status === 'open');
	const closed = proposals.filter((p) => p.status !== 'open').sort((a, b) => (a.closesAt < b.closesAt ? 1 : -1));
	return [...open, ...closed];
}

async function loadProposals(householdId: string, ids: string[]): Promise<Proposal[]> {
	if (ids.length === 0) return [];
	const db = getDb();
	const [rows, options, voters, votes] = await Promise.all([
		db.selectFrom('proposals').selectAll().where('householdId', '=', householdId).where('id', 'in', ids).execute(),
		db.selectFrom('proposalOptions').select(['proposalId', 'id', 'label']).where('householdId', '=', householdId).where('proposalId', 'in', ids).orderBy('position').execute(),
		db.selectFrom('proposalVoters').select(['proposalId', (eb) => eb.fn.countAll<string>().as('n')]).where('householdId', '=', householdId).where('proposalId', 'in', ids).groupBy('proposalId').execute(),
		db.selectFrom('votes').select(['proposalId', (eb) => eb.fn.countAll<string>().as('n')]).where('householdId', '=', householdId).where('proposalId', 'in', ids).groupBy('proposalId').execute()
	]);
	const count = (list: Array<{ proposalId: string; n: string }>, id: string) => Number(list.find((x) => x.proposalId === id)?.n ?? 0);
	const byId = new Map(rows.map((r) => [r.id, r]));
	return ids.map((id) => {
		const row = byId.get(id);
		if (!row) throw notFound('That proposal');
		return {
			id,
			title: row.title,
			body: row.body,
			kind: row.kind,
			options: options.filter((o) => o.proposalId === id).map(({ id, label }) => ({ id, label })),
			rule: { threshold: row.threshold, quorumPct: row.quorumPct, voterClass: row.voterClass },
			closesAt: row.closesAt.toISOString(),
			status: row.status,
			eligibleCount: count(voters, id),
			votedCount: count(votes, id),
			// The tally is computed and stored at closing; an open proposal shows none yet.
			tally: row.tally ?? null,
			outcome: row.outcome ?? null,
			reason: row.reason,
			linkedExpenseId: row.linkedExpenseId,
			authorMemberId: row.authorMemberId
		};
	});
}

export async function addComment(context: MemberContext, proposalId: string, body: string): Promise<{ id: string; memberId: string; body: string; createdAt: string }> {
	const householdId = context.household.id;
	if (!isUuid(proposalId)) throw notFound('That proposal');
	return getDb()
		.transaction()
		.execute(async (trx) => {
			const row = await trx.selectFrom('proposals').select('title').where('householdId', '=', householdId).where('id', '=', proposalId).executeTakeFirst();
			if (!row) throw notFound('That proposal');
			const comment = await trx.insertInto('proposalComments').values({ householdId, proposalId, memberId: context.member.id, body }).returning(['id', 'memberId', 'body', 'createdAt']).executeTakeFirstOrThrow();
			await logActivity(trx, { householdId, actorMemberId: context.member.id, action: 'proposal.commented', subjectType: 'proposal', subjectId: proposalId, summary: `${context.member.displayName} commented on “${row.title}”.` });
			return { ...comment, createdAt: comment.createdAt.toISOString() };
		});
}

/** For the job runner: close every proposal whose time has come, in any household. */
export async function closeAllDueProposals(): Promise<number> {
	const due = await getDb().selectFrom('proposals').select(['householdId', 'id']).where('status', '=', 'open').where('closesAt', '<=', new Date()).limit(500).execute();
	for (const { householdId, id } of due) await closeIfDue(householdId, id);
	return due.length;
}
