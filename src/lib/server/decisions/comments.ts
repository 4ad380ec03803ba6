/** The discussion under a proposal: anyone in the house may comment, open or closed. */
import { getDb } from '$lib/server/db';
import { notFound } from '$lib/server/errors';
import { isUuid } from '$lib/server/ids';
import { audit } from '$lib/server/activity/log';
import type { MemberContext } from '$lib/server/households/context';
import { m } from '$lib/paraglide/messages';
import { mentionedIn } from '$lib/decisions/mentions';
import { notify } from '$lib/server/notifications/outbox';
import { pathTo } from '$lib/paths';

export interface Comment {
	id: string;
	memberId: string;
	body: string;
	createdAt: string;
}

export async function addComment(context: MemberContext, proposalId: string, body: string): Promise<Comment> {
	const householdId = context.household.id;
	if (!isUuid(proposalId)) throw notFound(m.thing_proposal);
	return getDb()
		.transaction()
		.execute(async (trx) => {
			const row = await trx.selectFrom('proposals').select('title').where('householdId', '=', householdId).where('id', '=', proposalId).executeTakeFirst();
			if (!row) throw notFound(m.thing_proposal);
			const comment = await trx
				.insertInto('proposalComments')
				.values({ householdId, proposalId, memberId: context.member.id, body })
				.returning(['id', 'memberId', 'body', 'createdAt'])
				.executeTakeFirstOrThrow();
			await audit(trx, context, {
				action: 'proposal.commented',
				subjectType: 'proposal',
				subjectId: proposalId,
				facts: { actor: context.member.displayName, title: row.title }
			});
			const members = await trx.selectFrom('members').select(['id', 'displayName']).where('householdId', '=', householdId).where('active', '=', true).execute();
			await notify(trx, {
				householdId,
				kind: 'comment.mention',
				actorMemberId: context.member.id,
				facts: { actor: context.member.displayName, title: row.title },
				path: pathTo('/h/[hid]/proposals/[pid]', { hid: householdId, pid: proposalId }),
				recipients: mentionedIn(body, members)
			});
			return { ...comment, createdAt: comment.createdAt.toISOString() };
		});
}

/** Oldest first, as a conversation reads. */
export async function listComments(householdId: string, proposalId: string): Promise<Comment[]> {
	const rows = await getDb()
		.selectFrom('proposalComments')
		.select(['id', 'memberId', 'body', 'createdAt'])
		.where('householdId', '=', householdId)
		.where('proposalId', '=', proposalId)
		.orderBy('createdAt')
		.orderBy('id')
		.execute();
	return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
