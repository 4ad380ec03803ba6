/**
 * Closing a proposal exactly once: under a row lock, at the closing time (lazily on the
 * next read or vote, or by the job), early when everyone voted, or by an admin. The
 * count and the reason are stored, the linked expense is added once, and from then on
 * the proposal does not change.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { getDb } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import type { Proposals } from '$lib/server/db/generated';
import { DomainError, forbidden, notFound } from '$lib/server/errors';
import { isUuid } from '$lib/server/ids';
import { logActivity } from '$lib/server/activity/log';
import type { MemberContext } from '$lib/server/households/context';
import { insertExpense } from '$lib/server/money/expenses';
import { lockFund, spendLocked } from '$lib/server/funds/funds';
import { storedLinkedExpense } from './schemas';
import { countProposal, type Ballot } from '$lib/decisions/tally';
import { todayIn } from '$lib/dates';
import { sweepItem } from '$lib/server/sweeps';
import { m } from '$lib/paraglide/messages';
import { notify } from '$lib/server/notifications/outbox';
import { pathTo } from '$lib/paths';

export type ProposalRow = Selectable<Proposals>;

/** The proposal's row, locked for the rest of the transaction; another household's answers 404. */
export async function lockProposal(trx: Kysely<Database>, householdId: string, proposalId: string): Promise<ProposalRow> {
	if (!isUuid(proposalId)) throw notFound(m.thing_proposal);
	const row = await trx.selectFrom('proposals').selectAll().where('householdId', '=', householdId).where('id', '=', proposalId).forUpdate().executeTakeFirst();
	if (!row) throw notFound(m.thing_proposal);
	return row;
}

/** Everything a count needs: the frozen voters, the current ballots and the options in order. */
export async function ballotsOf(db: Kysely<Database>, householdId: string, proposalIds: string[]) {
	if (proposalIds.length === 0) return { voters: [], votes: [], options: [] };
	const [voters, votes, options] = await Promise.all([
		db.selectFrom('proposalVoters').select(['proposalId', 'memberId']).where('householdId', '=', householdId).where('proposalId', 'in', proposalIds).execute(),
		db.selectFrom('votes').selectAll().where('householdId', '=', householdId).where('proposalId', 'in', proposalIds).orderBy('castAt').execute(),
		db
			.selectFrom('proposalOptions')
			.select(['proposalId', 'id', 'label'])
			.where('householdId', '=', householdId)
			.where('proposalId', 'in', proposalIds)
			.orderBy('position')
			.execute()
	]);
	return { voters, votes, options };
}

export function countRow(row: ProposalRow, data: Awaited<ReturnType<typeof ballotsOf>>) {
	const votes: Ballot[] = data.votes.filter((v) => v.proposalId === row.id);
	const eligible = data.voters.filter((v) => v.proposalId === row.id).length;
	const optionIds = data.options.filter((o) => o.proposalId === row.id).map((o) => o.id);
	return countProposal(row.kind, { threshold: row.threshold, quorumPct: row.quorumPct }, optionIds, votes, eligible);
}

/** Computes and stores the verdict of a locked, open proposal; adds the linked expense if it passed. `closedBy`: an admin closing early (not told of it). */
export async function closeLocked(trx: Kysely<Database>, row: ProposalRow, closedBy: string | null = null): Promise<void> {
	const householdId = row.householdId;
	const ballots = await ballotsOf(trx, householdId, [row.id]);
	const count = countRow(row, ballots);
	let reason = count.reason;
	let linkedExpenseId: string | null = null;
	if (row.linkedExpense && (count.verdict === 'passed' || count.verdict === 'decided')) {
		const author = await trx
			.selectFrom('members')
			.selectAll()
			.where('householdId', '=', householdId)
			.where('id', '=', row.authorMemberId)
			.executeTakeFirstOrThrow();
		const household = await trx.selectFrom('households').selectAll().where('id', '=', householdId).executeTakeFirstOrThrow();
		// The money is spent when the house decides, so the expense is dated the day it passed.
		const stored = storedLinkedExpense.safeParse(row.linkedExpense);
		if (!stored.success) {
			reason += ' The linked expense could not be added: what was stored for it is not a valid expense. An admin can add it by hand.';
		} else {
			// A savepoint: a refused expense must not undo the verdict written next.
			await sql`savepoint linked_expense`.execute(trx);
			try {
				const spentOn = todayIn(household.timezone);
				const origin = { via: 'proposal', title: row.title };
				const context = { household, member: author };
				// Spending from a house fund is paid from it now, once: the close runs once, under the proposal's lock.
				const expense =
					'fundId' in stored.data
						? await spendLocked(trx, context, await lockFund(trx, householdId, stored.data.fundId), { ...stored.data, spentOn }, origin)
						: await insertExpense(trx, context, { ...stored.data, spentOn }, crypto.randomUUID(), origin);
				linkedExpenseId = expense?.id ?? null;
				await sql`release savepoint linked_expense`.execute(trx);
			} catch (error) {
				await sql`rollback to savepoint linked_expense`.execute(trx);
				// The house changed since the proposal opened (someone left): the verdict stands, the expense is for a person to add.
				if (!(error instanceof DomainError)) throw error;
				reason += ` The linked expense could not be added: ${error.message} An admin can add it by hand.`;
			}
		}
	}
	await trx
		.updateTable('proposals')
		.set({
			status: count.verdict,
			tally: JSON.stringify(count.tally),
			outcome: count.winnerOptionId ? JSON.stringify({ winnerOptionId: count.winnerOptionId }) : null,
			reason,
			linkedExpenseId,
			closedAt: new Date()
		})
		.where('householdId', '=', householdId)
		.where('id', '=', row.id)
		.execute();
	// The feed says the result first, in people's words ("Chosen: Baltic coast", "Blocked by Mia"), then the count.
	const blockerIds = ballots.votes.filter((v) => v.position === 'block').map((v) => v.memberId);
	const names = blockerIds.length
		? await trx.selectFrom('members').select(['id', 'displayName']).where('householdId', '=', householdId).where('id', 'in', blockerIds).execute()
		: [];
	// The facts the outcome is told from again in each reader's language (sentences.ts).
	const proposal = {
		kind: row.kind,
		status: count.verdict,
		rule: { threshold: row.threshold, quorumPct: row.quorumPct },
		votedCount: ballots.votes.length,
		eligibleCount: ballots.voters.length,
		tally: count.tally,
		outcome: count.winnerOptionId ? { winnerOptionId: count.winnerOptionId } : null,
		reason,
		winnerLabel: ballots.options.find((o) => o.id === count.winnerOptionId)?.label ?? null
	};
	await logActivity(trx, {
		householdId,
		actorMemberId: null,
		action: 'proposal.closed',
		subjectType: 'proposal',
		subjectId: row.id,
		facts: { title: row.title, proposal, blockedBy: blockerIds.map((id) => names.find((n) => n.id === id)?.displayName ?? m.someone()) }
	});
	await notify(trx, {
		householdId,
		kind: 'proposal.closed',
		actorMemberId: closedBy,
		facts: { title: row.title, status: count.verdict },
		path: pathTo('/h/[hid]/proposals/[pid]', { hid: householdId, pid: row.id }),
		recipients: [row.authorMemberId, ...ballots.voters.map((v) => v.memberId)]
	});
}

/** Closes it if its time has come; safe to call any number of times. */
export async function closeIfDue(householdId: string, proposalId: string): Promise<void> {
	await getDb()
		.transaction()
		.execute(async (trx) => {
			const row = await lockProposal(trx, householdId, proposalId);
			if (row.status === 'open' && row.closesAt.getTime() <= Date.now()) await closeLocked(trx, row);
		});
}

/** Every proposal of the household whose closing time has passed (the catch-up step), each on its own. */
export async function closeDueIn(householdId: string): Promise<void> {
	const due = await getDb()
		.selectFrom('proposals')
		.select('id')
		.where('householdId', '=', householdId)
		.where('status', '=', 'open')
		.where('closesAt', '<=', new Date())
		.execute();
	for (const { id } of due) await sweepItem('close-proposals', householdId, id, () => closeIfDue(householdId, id));
}

/** An admin closes early; anyone may once the closing time has passed. Closing twice is a 409. */
export async function closeProposal(context: MemberContext, proposalId: string): Promise<void> {
	await getDb()
		.transaction()
		.execute(async (trx) => {
			const row = await lockProposal(trx, context.household.id, proposalId);
			if (row.status !== 'open') throw new DomainError(409, 'closed', m.e_already_closed());
			if (!context.member.isAdmin && row.closesAt.getTime() > Date.now()) throw forbidden(m.e_close_early_admin());
			await closeLocked(trx, row, context.member.id);
		});
}

/** For the job runner: close every proposal whose time has come, in any household. */
export async function closeAllDueProposals(): Promise<number> {
	const due = await getDb()
		.selectFrom('proposals')
		.select(['householdId', 'id'])
		.where('status', '=', 'open')
		.where('closesAt', '<=', new Date())
		.orderBy('closesAt')
		.limit(500)
		.execute();
	let closed = 0;
	for (const { householdId, id } of due) if (await sweepItem('close-proposals', householdId, id, () => closeIfDue(householdId, id))) closed++;
	return closed;
}
