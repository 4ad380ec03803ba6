import { describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { contextFor, makeHouseOfThree } from '../testing/factories';
import { updateMember } from '../households/members';
import { awaitingVoteOf, createProposal, editProposal, getProposal, proposalVoters, withdrawProposal } from './proposals';
import { getDecisionRules, setDecisionRules } from './rules';
import { closeAllDueProposals, closeIfDue, closeProposal } from './closing';
import { castVote } from './votes';
import { needsAttention } from '../sweeps';
import type { ProposalInput } from './schemas';

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

const house = () => makeHouseOfThree('Decision House');

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

const proposal = (householdId: string, id: string) =>
	getDb().selectFrom('proposals').selectAll().where('householdId', '=', householdId).where('id', '=', id).executeTakeFirstOrThrow();

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
		await getDb()
			.updateTable('proposals')
			.set({ closesAt: new Date(Date.now() - 1000) })
			.where('id', '=', id)
			.execute();
		const results = await Promise.allSettled([
			closeIfDue(admin.household.id, id),
			closeProposal(admin, id),
			closeProposal(bea, id),
			closeIfDue(admin.household.id, id)
		]);
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
		await getDb()
			.updateTable('proposals')
			.set({ closesAt: new Date(Date.now() - 1000) })
			.where('id', '=', due.id)
			.execute();
		expect(await closeAllDueProposals()).toBeGreaterThanOrEqual(1);
		expect((await proposal(admin.household.id, due.id)).status).toBe('no_quorum');
		expect((await proposal(admin.household.id, later.id)).status).toBe('open');
	});

	it('a vote after the closing time answers 409 even though no job closed it', async () => {
		const { admin, bea } = await house();
		const { id } = await createProposal(admin, washer(admin, bea));
		await getDb()
			.updateTable('proposals')
			.set({ closesAt: new Date(Date.now() - 1000) })
			.where('id', '=', id)
			.execute();
		await expect(castVote(bea, id, { position: 'yes' })).rejects.toMatchObject({ status: 409 });
		expect((await proposal(admin.household.id, id)).status).toBe('no_quorum');
	});

	it('a block needs a reason; a ranked vote must use the proposal’s options', async () => {
		const { admin, bea } = await house();
		const consent = await createProposal(admin, { ...washer(admin, bea), expense: undefined });
		await expect(castVote(bea, consent.id, { position: 'block' })).rejects.toMatchObject({ status: 422 });
		const ranked = await createProposal(admin, {
			title: 'Paint',
			body: '',
			kind: 'ranked',
			options: ['Blue', 'Green', 'White'],
			rule: { threshold: 'majority', quorumPct: 0 },
			closesAt: inAnHour()
		});
		await expect(castVote(bea, ranked.id, { ranking: [crypto.randomUUID()] })).rejects.toMatchObject({ status: 422 });
		const options = await getDb().selectFrom('proposalOptions').select('id').where('proposalId', '=', ranked.id).orderBy('position').execute();
		await castVote(bea, ranked.id, { ranking: [options[1]!.id, options[0]!.id] });
		await castVote(admin, ranked.id, { ranking: [options[1]!.id] });
		await closeProposal(admin, ranked.id);
		const row = await proposal(admin.household.id, ranked.id);
		expect(row.status).toBe('decided');
		expect(row.outcome).toEqual({ winnerOptionId: options[1]!.id });
	});

	it('the author edits words and options until the first vote, then may only withdraw; no one else may do either', async () => {
		const { admin, bea } = await house();
		const { id } = await createProposal(admin, {
			title: 'Paint',
			body: '',
			kind: 'choice',
			options: ['Blue', 'Green'],
			rule: { threshold: 'majority', quorumPct: 0 },
			closesAt: inAnHour()
		});
		await expect(editProposal(bea, id, { title: 'Hijack' })).rejects.toMatchObject({ status: 403 });
		await expect(withdrawProposal(bea, id)).rejects.toMatchObject({ status: 403 });
		await expect(editProposal(admin, id, { options: ['Only one'] })).rejects.toMatchObject({ status: 422 });
		await editProposal(admin, id, { title: 'Paint the hall', options: ['Blue', 'Green', 'White'] });
		const edited = await getProposal(admin.household.id, id);
		expect(edited.title).toBe('Paint the hall');
		expect(edited.options.map((o) => o.label)).toEqual(['Blue', 'Green', 'White']);
		await castVote(bea, id, { optionIds: [edited.options[2]!.id] });
		await expect(editProposal(admin, id, { body: 'Too late' })).rejects.toMatchObject({ status: 409, code: 'has_votes' });
		await withdrawProposal(admin, id);
		const withdrawn = await getProposal(admin.household.id, id);
		expect(withdrawn.status).toBe('withdrawn');
		expect(withdrawn.linkedExpenseId).toBeNull();
		await expect(castVote(bea, id, { optionIds: [edited.options[0]!.id] })).rejects.toMatchObject({ status: 409 });
		await expect(withdrawProposal(admin, id)).rejects.toMatchObject({ status: 409 });
	});

	it('shows the running count, or hides it (and how others voted) until the close when asked to', async () => {
		const { admin, bea } = await house();
		const base = {
			title: 'Cat',
			body: '',
			kind: 'consent' as const,
			rule: { threshold: 'majority' as const, quorumPct: 0, voterClass: 'adults' as const },
			closesAt: inAnHour()
		};
		const shown = await createProposal(admin, base);
		const hidden = await createProposal(admin, { ...base, hideResults: true });
		for (const { id } of [shown, hidden]) await castVote(bea, id, { position: 'no', reason: 'Allergic' });
		expect((await getProposal(admin.household.id, shown.id)).tally).toEqual({ yes: 0, no: 1, abstain: 0, block: 0 });
		const secret = await getProposal(admin.household.id, hidden.id);
		expect(secret.tally).toBeNull();
		expect(secret.votedCount).toBe(1);
		const seenByAdmin = await proposalVoters(admin.household.id, secret, admin.member.id);
		expect(seenByAdmin.find((v) => v.memberId === bea.member.id)).toMatchObject({ voted: true, vote: null });
		expect((await proposalVoters(admin.household.id, secret, bea.member.id)).find((v) => v.memberId === bea.member.id)!.vote).toMatchObject({
			position: 'no',
			reason: 'Allergic'
		});
		await closeProposal(admin, hidden.id);
		expect((await getProposal(admin.household.id, hidden.id)).tally).toEqual({ yes: 0, no: 1, abstain: 0, block: 0 });
	});

	it('lists what awaits my vote, closing soonest first, and drops it once I vote', async () => {
		const { admin, bea } = await house();
		const base = { body: '', kind: 'consent' as const, rule: { threshold: 'majority' as const, quorumPct: 0, voterClass: 'adults' as const } };
		const later = await createProposal(admin, { ...base, title: 'Later', closesAt: new Date(Date.now() + 7_200_000).toISOString() });
		const sooner = await createProposal(admin, { ...base, title: 'Sooner', closesAt: inAnHour() });
		expect((await awaitingVoteOf(admin.household.id, bea.member.id)).map((p) => p.id)).toEqual([sooner.id, later.id]);
		await castVote(bea, sooner.id, { position: 'yes' });
		expect((await awaitingVoteOf(admin.household.id, bea.member.id)).map((p) => p.id)).toEqual([later.id]);
	});

	it('the house default rules start as the built-in ones and change for new proposals only', async () => {
		const { admin } = await house();
		expect(await getDecisionRules(admin.household.id)).toEqual({
			ordinary: { threshold: 'majority', quorumPct: 50, voterClass: 'all' },
			money: { threshold: 'two_thirds', quorumPct: 60, voterClass: 'adults' }
		});
		const rules = {
			ordinary: { threshold: 'consensus', quorumPct: 75, voterClass: 'adults_and_youth' },
			money: { threshold: 'unanimous', quorumPct: 100, voterClass: 'adults' }
		} as const;
		await setDecisionRules(admin, rules);
		expect(await getDecisionRules(admin.household.id)).toEqual(rules);
	});

	it('refuses a closing time in the past or more than a year ahead', async () => {
		const { admin } = await house();
		const base = { title: 'Cat', body: '', kind: 'consent' as const, rule: { threshold: 'majority' as const, quorumPct: 0 } };
		await expect(createProposal(admin, { ...base, closesAt: new Date(Date.now() - 1000).toISOString() })).rejects.toMatchObject({
			status: 422,
			fields: { closesAt: expect.any(String) }
		});
		await expect(createProposal(admin, { ...base, closesAt: new Date(Date.now() + 400 * 86_400_000).toISOString() })).rejects.toMatchObject({ status: 422 });
	});
});

describe('a money proposal’s expense', () => {
	it('is checked with the expense rules as the proposal opens: 422 naming the expense’s field, nothing stored', async () => {
		const { admin, bea } = await house();
		const halfPaid = { ...washer(admin, bea), expense: { ...washer(admin, bea).expense!, payers: [{ memberId: admin.member.id, amountMinor: 25000 }] } };
		await expect(createProposal(admin, halfPaid)).rejects.toMatchObject({ status: 422, fields: { 'expense.payers': expect.stringContaining('adds up') } });
		const badExact = {
			...washer(admin, bea),
			expense: {
				...washer(admin, bea).expense!,
				split: {
					mode: 'exact' as const,
					parts: [
						{ memberId: admin.member.id, value: 100 },
						{ memberId: bea.member.id, value: 100 }
					]
				}
			}
		};
		await expect(createProposal(admin, badExact)).rejects.toMatchObject({ status: 422, fields: { 'expense.split': expect.any(String) } });
		const unknownCategory = { ...washer(admin, bea), expense: { ...washer(admin, bea).expense!, category: 'no-such-category' } };
		await expect(createProposal(admin, unknownCategory)).rejects.toMatchObject({ status: 422, fields: { 'expense.category': expect.any(String) } });
		expect(await getDb().selectFrom('proposals').select('id').where('householdId', '=', admin.household.id).execute()).toEqual([]);
	});

	it('that can no longer be made at the close (someone left) is said in the outcome and shown to the admins', async () => {
		const { admin, bea } = await house();
		const { id } = await createProposal(admin, { ...washer(admin, bea), rule: { threshold: 'majority', quorumPct: 0, voterClass: 'all' } });
		await castVote(admin, id, { position: 'yes' });
		await updateMember(admin, bea.member.id, { active: false });
		await getDb()
			.updateTable('proposals')
			.set({ closesAt: new Date(Date.now() - 1000) })
			.where('id', '=', id)
			.execute();
		await closeIfDue(admin.household.id, id);
		const closed = await getProposal(admin.household.id, id);
		expect(closed.status).toBe('passed');
		expect(closed.linkedExpenseId).toBeNull();
		expect(closed.reason).toMatch(/could not be added/);
		expect((await needsAttention(admin.household.id)).map((i) => i.message).join(' ')).toContain('its expense could not be added');
	});
});
