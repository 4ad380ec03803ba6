/**
 * Voting: one current vote per frozen voter (the primary key), every vote also kept in
 * the history; admins vote for members without a login, recorded as cast by them.
 */
import { getDb } from '$lib/server/db';
import { DomainError, forbidden } from '$lib/server/errors';
import type { MemberContext } from '$lib/server/households/context';
import { closeLocked, lockProposal } from './closing';
import type { VoteInput } from './schemas';
import { m } from '$lib/paraglide/messages';

export async function castVote(context: MemberContext, proposalId: string, vote: VoteInput): Promise<void> {
	const householdId = context.household.id;
	const closedLate = await getDb()
		.transaction()
		.execute(async (trx) => {
			const row = await lockProposal(trx, householdId, proposalId);
			if (row.status !== 'open') throw new DomainError(409, 'closed', m.e_proposal_closed_votes());
			// A vote after the closing time never counts, even if no job has closed it yet.
			if (row.closesAt.getTime() <= Date.now()) {
				await closeLocked(trx, row);
				return true;
			}
			let voterId = context.member.id;
			if (vote.onBehalfOfMemberId && vote.onBehalfOfMemberId !== context.member.id) {
				if (!context.member.isAdmin) throw forbidden(m.e_proxy_admin());
				const proxied = await trx
					.selectFrom('members')
					.select(['userId'])
					.where('householdId', '=', householdId)
					.where('id', '=', vote.onBehalfOfMemberId)
					.executeTakeFirst();
				if (!proxied || proxied.userId) throw forbidden(m.e_proxy_no_login());
				voterId = vote.onBehalfOfMemberId;
			}
			const eligible = await trx
				.selectFrom('proposalVoters')
				.select('memberId')
				.where('householdId', '=', householdId)
				.where('proposalId', '=', proposalId)
				.where('memberId', '=', voterId)
				.executeTakeFirst();
			if (!eligible) throw forbidden(m.e_voters_fixed());
			const options = (
				await trx.selectFrom('proposalOptions').select('id').where('householdId', '=', householdId).where('proposalId', '=', proposalId).execute()
			).map((o) => o.id);
			const ballot = checkBallot(row.kind, vote, options);
			const values = { householdId, proposalId, memberId: voterId, ...ballot, reason: vote.reason || null, castByMemberId: context.member.id };
			await trx
				.insertInto('votes')
				.values(values)
				.onConflict((oc) =>
					oc
						.columns(['householdId', 'proposalId', 'memberId'])
						.doUpdateSet({ ...ballot, reason: values.reason, castByMemberId: values.castByMemberId, castAt: new Date() })
				)
				.execute();
			await trx
				.insertInto('voteHistory')
				.values({ ...values, castAt: new Date() })
				.execute();
			const [{ voted }, { total }] = await Promise.all([
				trx
					.selectFrom('votes')
					.select((eb) => eb.fn.countAll<string>().as('voted'))
					.where('householdId', '=', householdId)
					.where('proposalId', '=', proposalId)
					.executeTakeFirstOrThrow(),
				trx
					.selectFrom('proposalVoters')
					.select((eb) => eb.fn.countAll<string>().as('total'))
					.where('householdId', '=', householdId)
					.where('proposalId', '=', proposalId)
					.executeTakeFirstOrThrow()
			]);
			if (Number(voted) >= Number(total)) await closeLocked(trx, row);
			return false;
		});
	if (closedLate) throw new DomainError(409, 'closed', m.e_closed_before_vote());
}

function checkBallot(kind: string, vote: VoteInput, options: string[]) {
	const empty = { position: null, optionIds: null, ranking: null };
	const bad = (field: string, message: string) => new DomainError(422, 'rule_broken', message, { [field]: message });
	if (kind === 'consent') {
		if (!vote.position) throw bad('position', m.v_vote_position());
		if (vote.position === 'block' && !vote.reason?.trim()) throw bad('reason', m.v_block_reason());
		return { ...empty, position: vote.position };
	}
	const chosen = kind === 'choice' ? vote.optionIds : vote.ranking;
	const field = kind === 'choice' ? 'optionIds' : 'ranking';
	if (!chosen || chosen.length === 0) throw bad(field, kind === 'choice' ? m.e_choose_options() : m.e_rank_one());
	if (new Set(chosen).size !== chosen.length || chosen.some((id) => !options.includes(id))) throw bad(field, m.e_use_options());
	return kind === 'choice' ? { ...empty, optionIds: JSON.stringify(chosen) } : { ...empty, ranking: JSON.stringify(chosen) };
}
