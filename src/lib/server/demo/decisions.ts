/**
 * The demo household's decisions: closed ones of each kind (a money proposal that
 * passed and added its expense, one rejected, a ranked count over two rounds, a block
 * under consensus) and open ones, one of them waiting for Priya's vote.
 */
import { sql } from 'kysely';
import { getDb } from '$lib/server/db';
import type { MemberContext } from '$lib/server/households/context';
import { createProposal } from '$lib/server/decisions/proposals';
import { closeIfDue } from '$lib/server/decisions/closing';
import { castVote } from '$lib/server/decisions/votes';
import type { ProposalInput, VoteInput } from '$lib/server/decisions/schemas';
import { actingAs } from './context';

type Ballot = (options: string[]) => VoteInput;

export async function seedDemoDecisions(admin: MemberContext, ids: Map<string, string>): Promise<void> {
	const db = getDb();
	const id = (name: string) => ids.get(name)!;
	const household = admin.household;
	const contextOf = (name: string) => actingAs(admin, id(name));
	const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
	const options = async (proposalId: string) =>
		(
			await db
				.selectFrom('proposalOptions')
				.select('id')
				.where('householdId', '=', household.id)
				.where('proposalId', '=', proposalId)
				.orderBy('position')
				.execute()
		).map((o) => o.id);

	/** Opens it as `author`, casts the ballots (Leo's by Priya, as a proxy), and closes it `closedDaysAgo` if given. */
	async function decide(author: string, input: Omit<ProposalInput, 'closesAt'>, ballots: Record<string, Ballot>, closedDaysAgo?: number) {
		const { id: proposalId } = await createProposal(await contextOf(author), { ...input, closesAt: inDays(closedDaysAgo === undefined ? 4 : 1) });
		const optionIds = await options(proposalId);
		for (const [voter, ballot] of Object.entries(ballots)) {
			const proxy = voter === 'Leo';
			await castVote(await contextOf(proxy ? 'Priya' : voter), proposalId, { ...ballot(optionIds), ...(proxy ? { onBehalfOfMemberId: id('Leo') } : {}) });
		}
		if (closedDaysAgo === undefined) return;
		// As if it had run its course: opened a week before its closing time, some days ago.
		const closesAt = new Date(Date.now() - closedDaysAgo * 86_400_000);
		await db
			.updateTable('proposals')
			.set({ closesAt, createdAt: new Date(closesAt.getTime() - 7 * 86_400_000) })
			.where('householdId', '=', household.id)
			.where('id', '=', proposalId)
			.execute();
		await closeIfDue(household.id, proposalId);
		await sql`update proposals set closed_at = closes_at where household_id = ${household.id} and id = ${proposalId}`.execute(db);
	}
	const yes: Ballot = () => ({ position: 'yes' });
	const no: Ballot = () => ({ position: 'no' });
	const abstain: Ballot = () => ({ position: 'abstain' });
	const rank =
		(...order: number[]): Ballot =>
		(o) => ({ ranking: order.map((i) => o[i]!) });
	const adults = ['Priya', 'Daniel', 'Grandma Rosa'].map(id);
	const washer = {
		description: 'Washing machine',
		amountMinor: 48000,
		spentOn: '2026-01-01',
		category: 'repairs',
		payers: [{ memberId: id('Daniel'), amountMinor: 48000 }],
		split: { mode: 'weights' as const, parts: adults.map((memberId) => ({ memberId })) }
	};

	await decide(
		'Daniel',
		{
			title: 'Replace the washing machine',
			body: 'The old one leaks and **the repair costs more than half a new one**.\n\n- quiet model (under 50 dB)\n- energy class A\n\nDaniel pays; we share it by our usual weights.',
			kind: 'consent',
			rule: { threshold: 'two_thirds', quorumPct: 60, voterClass: 'adults' },
			expense: washer
		},
		{ Priya: yes, Daniel: yes, 'Grandma Rosa': () => ({ position: 'yes', reason: 'Finally!' }) },
		40
	);
	await decide(
		'Mia',
		{
			title: 'Paint the hallway green',
			body: 'A forest green, like the door.',
			kind: 'consent',
			rule: { threshold: 'majority', quorumPct: 50, voterClass: 'all' }
		},
		{ Priya: no, Daniel: no, 'Grandma Rosa': abstain, Mia: yes, Leo: yes },
		25
	);
	await decide(
		'Priya',
		{
			title: 'Where do we go this summer?',
			body: 'Rank the places you would enjoy; leave out the ones you would not.',
			kind: 'ranked',
			options: ['Baltic coast', 'Harz mountains', 'Lake Constance'],
			rule: { threshold: 'majority', quorumPct: 50, voterClass: 'all' }
		},
		{ Priya: rank(1, 0), Daniel: rank(0, 1), 'Grandma Rosa': rank(2, 1), Mia: rank(0, 2), Leo: rank(2, 0) },
		12
	);
	await decide(
		'Daniel',
		{
			title: 'Quiet hours from 21:00',
			body: 'Music and washing machine off from nine in the evening.',
			kind: 'consent',
			rule: { threshold: 'consensus', quorumPct: 60, voterClass: 'adults_and_youth' }
		},
		{ Daniel: yes, Priya: yes, Mia: () => ({ position: 'block', reason: 'I practise the cello until half past nine on school nights.' }) },
		5
	);

	await decide(
		'Daniel',
		{
			title: 'Adopt a cat',
			body: 'The shelter on Linden Street has two-year-old **Pepper**. Leo has promised to feed her.',
			kind: 'consent',
			rule: { threshold: 'majority', quorumPct: 60, voterClass: 'all' }
		},
		{ Daniel: yes, 'Grandma Rosa': abstain, Leo: yes }
	);
	await decide(
		'Grandma Rosa',
		{
			title: 'Which night is house dinner?',
			body: 'Tick every night that works for you.',
			kind: 'choice',
			options: ['Sunday', 'Wednesday', 'Friday'],
			rule: { threshold: 'majority', quorumPct: 50, voterClass: 'all' },
			hideResults: true
		},
		{ 'Grandma Rosa': (o) => ({ optionIds: [o[0]!, o[2]!] }), Mia: (o) => ({ optionIds: [o[2]!] }) }
	);
	await decide(
		'Priya',
		{
			title: 'A new sofa for the living room',
			body: 'The one from the flea market, €650, delivered.',
			kind: 'consent',
			rule: { threshold: 'two_thirds', quorumPct: 60, voterClass: 'adults' },
			expense: { ...washer, description: 'Sofa', amountMinor: 65000, category: 'other', payers: [{ memberId: id('Priya'), amountMinor: 65000 }] }
		},
		{}
	);
}
