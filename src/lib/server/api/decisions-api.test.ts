import { describe, expect, it } from 'vitest';
import { call, newAccount, newHousehold } from '../testing/http';
import { expectMatchesDocument } from '../testing/openapi-check';

describe('the decisions API', () => {
	it('opens a two-thirds proposal with a linked expense; two members vote; it passes and the expense exists', async () => {
		const owner = await newAccount('Owner');
		const house = await newHousehold(owner.token, 'Vote House');
		const base = `/api/v1/households/${house.id}`;
		const invite = await call(`${base}/invites`, { method: 'POST', token: owner.token, body: { role: 'adult' } });
		const bea = await newAccount('Bea');
		const { memberId: beaId } = (await call(`/api/v1/invites/${invite.body.token}/accept`, { method: 'POST', token: bea.token })).body;
		const a = house.me.memberId;
		const closesAt = new Date(Date.now() + 86_400_000).toISOString();
		const expense = {
			description: 'Washing machine',
			amountMinor: 40000,
			spentOn: '2026-12-01',
			category: 'repairs',
			payers: [{ memberId: a, amountMinor: 40000 }],
			split: { mode: 'equal', parts: [{ memberId: a }, { memberId: beaId }] }
		};
		const created = await call(`${base}/proposals`, {
			method: 'POST',
			token: owner.token,
			body: { title: 'New washing machine', body: '**Old one** leaks.', kind: 'consent', rule: { threshold: 'two_thirds', quorumPct: 60 }, closesAt, expense }
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ status: 'open', eligibleCount: 2, votedCount: 0, rule: { voterClass: 'adults' } });
		await expectMatchesDocument('POST', '/households/{hid}/proposals', 201, created.body);
		const pid = created.body.id;

		const first = await call(`${base}/proposals/${pid}/votes`, { method: 'POST', token: owner.token, body: { position: 'yes' } });
		expect(first.body).toMatchObject({ status: 'open', votedCount: 1 });
		await expectMatchesDocument('POST', '/households/{hid}/proposals/{pid}/votes', 200, first.body);
		expect((await call(`${base}/proposals/${pid}/votes`, { method: 'POST', token: bea.token, body: { position: 'block' } })).status).toBe(422);
		const second = await call(`${base}/proposals/${pid}/votes`, { method: 'POST', token: bea.token, body: { position: 'yes', reason: 'Fine by me' } });
		expect(second.body).toMatchObject({ status: 'passed', tally: { yes: 2, no: 0, abstain: 0, block: 0 } });
		expect(second.body.reason).toContain('Passed: 2 of 2 eligible voted');
		const expenseRead = await call(`${base}/expenses/${second.body.linkedExpenseId}`, { token: bea.token });
		expect(expenseRead.body.description).toBe('Washing machine');
		expect((await call(`${base}/proposals/${pid}/votes`, { method: 'POST', token: bea.token, body: { position: 'no' } })).status).toBe(409);

		const list = await call(`${base}/proposals?status=closed`, { token: owner.token });
		expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([pid]);
		await expectMatchesDocument('GET', '/households/{hid}/proposals', 200, list.body);
		const comment = await call(`${base}/proposals/${pid}/comments`, { method: 'POST', token: bea.token, body: { body: 'Thanks!' } });
		expect(comment.status).toBe(201);
		const stranger = await newAccount('Stranger');
		expect((await call(`${base}/proposals/${pid}`, { token: stranger.token })).status).toBe(404);
		expect(
			(await call(`${base}/proposals`, { method: 'POST', token: owner.token, body: { title: 'X', kind: 'choice', options: ['only one'], closesAt } })).status
		).toBe(422);
		expect(
			(await call(`${base}/proposals`, { method: 'POST', token: owner.token, body: { title: 'X', kind: 'consent', closesAt: '2020-01-01T00:00:00Z' } })).status
		).toBe(422);
		expect((await call(`${base}/proposals/${pid}/close`, { method: 'POST', token: owner.token })).status).toBe(409);
	});

	it('the author edits until the first vote (others get 403), withdraws; comments list; house rules for admins only', async () => {
		const owner = await newAccount('Owner');
		const house = await newHousehold(owner.token, 'Edit House');
		const base = `/api/v1/households/${house.id}`;
		const invite = await call(`${base}/invites`, { method: 'POST', token: owner.token, body: { role: 'adult' } });
		const bea = await newAccount('Bea');
		await call(`/api/v1/invites/${invite.body.token}/accept`, { method: 'POST', token: bea.token });
		const closesAt = new Date(Date.now() + 86_400_000).toISOString();
		const created = await call(`${base}/proposals`, {
			method: 'POST',
			token: owner.token,
			body: { title: 'Paint', kind: 'choice', options: ['Blue', 'Green'], closesAt, hideResults: true }
		});
		const pid = created.body.id;
		expect((await call(`${base}/proposals/${pid}`, { method: 'PATCH', token: bea.token, body: { title: 'Mine now' } })).status).toBe(403);
		expect((await call(`${base}/proposals/${pid}`, { method: 'PATCH', token: owner.token, body: { options: ['Blue', 'Blue'] } })).status).toBe(422);
		const edited = await call(`${base}/proposals/${pid}`, {
			method: 'PATCH',
			token: owner.token,
			body: { title: 'Paint the hall', options: ['Blue', 'Green', 'White'] }
		});
		expect(edited.status).toBe(200);
		expect(edited.body.options.map((o: { label: string }) => o.label)).toEqual(['Blue', 'Green', 'White']);
		await expectMatchesDocument('PATCH', '/households/{hid}/proposals/{pid}', 200, edited.body);
		const voted = await call(`${base}/proposals/${pid}/votes`, { method: 'POST', token: bea.token, body: { optionIds: [edited.body.options[2].id] } });
		expect(voted.body).toMatchObject({ votedCount: 1, tally: null, hideResults: true });
		expect((await call(`${base}/proposals/${pid}`, { method: 'PATCH', token: owner.token, body: { body: 'Late' } })).status).toBe(409);
		expect((await call(`${base}/proposals/${pid}/withdraw`, { method: 'POST', token: bea.token })).status).toBe(403);
		const withdrawn = await call(`${base}/proposals/${pid}/withdraw`, { method: 'POST', token: owner.token });
		expect(withdrawn.body.status).toBe('withdrawn');
		await expectMatchesDocument('POST', '/households/{hid}/proposals/{pid}/withdraw', 200, withdrawn.body);

		await call(`${base}/proposals/${pid}/comments`, { method: 'POST', token: bea.token, body: { body: 'Pity.' } });
		const comments = await call(`${base}/proposals/${pid}/comments`, { token: owner.token });
		expect(comments.body.items.map((c: { body: string }) => c.body)).toEqual(['Pity.']);
		await expectMatchesDocument('GET', '/households/{hid}/proposals/{pid}/comments', 200, comments.body);
		const stranger = await newAccount('Stranger');
		expect((await call(`${base}/proposals/${pid}/comments`, { token: stranger.token })).status).toBe(404);
		expect((await call(`${base}/proposals/${pid}/comments`)).status).toBe(401);

		const rules = {
			ordinary: { threshold: 'consensus', quorumPct: 80, voterClass: 'adults_and_youth' },
			money: { threshold: 'unanimous', quorumPct: 100, voterClass: 'adults' }
		};
		expect((await call(`${base}/decision-rules`, { method: 'PUT', token: bea.token, body: rules })).status).toBe(403);
		expect(
			(await call(`${base}/decision-rules`, { method: 'PUT', token: owner.token, body: { ...rules, money: { ...rules.money, quorumPct: 101 } } })).status
		).toBe(400);
		const saved = await call(`${base}/decision-rules`, { method: 'PUT', token: owner.token, body: rules });
		expect(saved.body).toEqual(rules);
		await expectMatchesDocument('PUT', '/households/{hid}/decision-rules', 200, saved.body);
		expect((await call(`${base}/decision-rules`, { token: bea.token })).body).toEqual(rules);
	});
});
