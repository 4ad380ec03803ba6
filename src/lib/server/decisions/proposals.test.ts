import { describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { contextFor, makeHousehold, makeMember, makeUser } from '../testing/factories';
import { acceptInvite, createInvite } from '../households/invites';
import { updateMember } from '../households/members';
import { castVote, closeAllDueProposals, closeIfDue, closeProposal, createProposal } from './proposals';
import type { ProposalInput } from './schemas';

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

async function house() {
	const admin = await makeHousehold('Decision House');
	const { user } = await makeUser('Bea');
	const invite = await createInvite(admin, { role: 'adult' }, 'http://x');
	const { memberId } = await acceptInvite(user, invite.url.split('/invite/')[1]!);
	const bea = await contextFor(admin.household.id, memberId);
	const kid = await makeMember(admin, 'Kid', 'child');
	return { admin, bea, kid };
}

const washer = (admin: { member: { id: string } }, bea: { member: { id: string } }): ProposalInput => ({
	title: 'New washing machine',
	body: '',
	kind: 'consent',
	rule: { threshold: 'two_thirds', quorumPct: 60 },
	closesAt: inAnHour(),
	expense: {
		description: 'Washing machine',
		amountMinor: 50000,
		spentOn: '2026-12-01',
		category: 'repairs',
		payers: [{ memberId: admin.member.id, amountMinor: 50000 }],
		split: { mode: 'equal', parts: [{ memberId: admin.member.id }, { memberId: bea.member.id }] }
	}
});

const proposal = (householdId: string, id: string) => getDb().selectFrom('proposals').selectAll().where('householdId', '=', householdId).where('id', '=', id).executeTakeFirstOrThrow();

describe('proposals', () => {
	it('a money proposal passes when both adults vote yes, closes early, and creates its expense once', async () => {
		const { admin, bea } = await house();
		const { id } = await createProposal(admin, washer(admin, bea));
		await castVote(admin, id, { position: 'yes' });
		await castVote(bea, id, { position: 'yes' });
		const row = await proposal(admin.household.id, id);
		expect(row.status).toBe('passed');
		expect(row.reason).toContain('2 of 2 eligible voted');
		expect(row.linkedExpenseId).toBeTruthy();
		await expect(closeProposal(admin, id)).rejects.toMatchObject({ status: 409 });
		await expect(castVote(admin, id, { position: 'no' })).rejects.toMatchObject({ status: 409 });
	});

	it('freezes the voters: a child is not eligible for a money proposal, and a later role change does not matter', async () => {
		const { admin, bea, kid } = await house();
		const { id } = await createProposal(admin, washer(admin, bea));
		await updateMember(admin, kid.id, { role: 'adult' });
		const kidContext = await contextFor(admin.household.id, kid.id);
		await expect(castVote(kidContext, id, { position: 'yes' })).rejects.toMatchObject({ status: 403 });
		await expect(castVote(admin, id, { position: 'yes', onBehalfOfMemberId: kid.id })).rejects.toMatchObject({ status: 403 });
	});

	it('one current vote per member, however many arrive at once; history keeps them all', async () => {
		const { admin, bea } = await house();
		const { id } = await createProposal(admin, { ...washer(admin, bea), expense: undefined, rule: { threshold: 'majority', quorumPct: 0, voterClass: 'all' } });
		const positions = ['yes', 'no', 'abstain'] as const;
		await Promise.all(Array.from({ length: 30 }, (_, i) => castVote(bea, id, { position: positions[i % 3] })));
		const current = await getDb().selectFrom('votes').select('memberId').where('proposalId', '=', id).execute();
		expect(current).toHaveLength(1);
		const history = await getDb().selectFrom('voteHistory').select('memberId').where('proposalId', '=', id).execute();
		expect(history).toHaveLength(30);
	});

	it('parallel closes give one verdict and one linked expense', async () => {
		const { admin, bea } = await house();
		const { id } = await createProposal(admin, { ...washer(admin, bea), rule: { threshold: 'two_thirds', quorumPct: 50 } });
		await castVote(admin, id, { position: 'yes' });
		await getDb().updateTable('proposals').set({ closesAt: new Date(Date.now() - 1000) }).where('id', '=', id).execute();
		const results = await Promise.allSettled([closeIfDue(admin.household.id, id), closeProposal(admin, id), closeProposal(bea, id), closeIfDue(admin.household.id, id)]);
		expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason.status === 409)).toBe(true);
		const row = await proposal(admin.household.id, id);
		expect(row.status).toBe('passed');
		const expenses = await getDb().selectFrom('expenses').select('id').where('householdId', '=', admin.household.id).execute();
		expect(expenses).toHaveLength(1);
	});

	it('the sweep closes what is due and leaves the rest open', async () => {
		const { admin, bea } = await house();
		const due = await createProposal(admin, { ...washer(admin, bea), expense: undefined });
		const later = await createProposal(admin, { ...washer(admin, bea), expense: undefined });
		await getDb().updateTable('proposals').set({ closesAt: new Date(Date.now() - 1000) }).where('id', '=', due.id).execute();
		expect(await closeAllDueProposals()).toBeGreaterThanOrEqual(1);
		expect((await proposal(admin.household.id, due.id)).status).toBe('no_quorum');
		expect((await proposal(admin.household.id, later.id)).status).toBe('open');
	});

	it('a vote after the closing time answers 409 even though no job closed it', async () => {
		const { admin, bea } = await house();
		const { id } = await createProposal(admin, washer(admin, bea));
		await getDb().updateTable('proposals').set({ closesAt: new Date(Date.now() - 1000) }).where('id', '=', id).execute();
		await expect(castVote(bea, id, { position: 'yes' })).rejects.toMatchObject({ status: 409 });
		expect((await proposal(admin.household.id, id)).status).toBe('no_quorum');
	});

	it('a block needs a reason; a ranked vote must use the proposal’s options', async () => {
		const { admin, bea } = await house();
		const consent = await createProposal(admin, { ...washer(admin, bea), expense: undefined });
		await expect(castVote(bea, consent.id, { position: 'block' })).rejects.toMatchObject({ status: 422 });
		const ranked = await createProposal(admin, { title: 'Paint', body: '', kind: 'ranked', options: ['Blue', 'Green', 'White'], rule: { threshold: 'majority', quorumPct: 0 }, closesAt: inAnHour() });
		await expect(castVote(bea, ranked.id, { ranking: [crypto.randomUUID()] })).rejects.toMatchObject({ status: 422 });
		const options = await getDb().selectFrom('proposalOptions').select('id').where('proposalId', '=', ranked.id).orderBy('position').execute();
		await castVote(bea, ranked.id, { ranking: [options[1]!.id, options[0]!.id] });
		await castVote(admin, ranked.id, { ranking: [options[1]!.id] });
		await closeProposal(admin, ranked.id);
		const row = await proposal(admin.household.id, ranked.id);
		expect(row.status).toBe('decided');
		expect(row.outcome).toEqual({ winnerOptionId: options[1]!.id });
	});
});
