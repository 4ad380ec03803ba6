import { describe, expect, it } from 'vitest';
import { baseUrl, call, newAccount, newHousehold, postEarlyAnswered } from '../testing/http';
import { expectMatchesDocument } from '../testing/openapi-check';
import { EXPORT_VERSION } from '../portability/document';

describe('export and import over HTTP', () => {
	it('an admin exports, anyone imports as a new household with the same balances; a member gets 403, a stranger 404', async () => {
		const owner = await newAccount('Exporter');
		const house = await newHousehold(owner.token, 'Export House');
		const base = `/api/v1/households/${house.id}`;
		const me = house.me.memberId;
		const leo = (await call(`${base}/members`, { method: 'POST', token: owner.token, body: { displayName: 'Leo', role: 'child' } })).body.id;
		await call(`${base}/expenses`, {
			method: 'POST',
			token: owner.token,
			body: {
				description: 'Groceries',
				amountMinor: 9001,
				spentOn: '2026-11-01',
				category: 'groceries',
				payers: [{ memberId: me, amountMinor: 9001 }],
				split: { mode: 'equal', parts: [{ memberId: me }, { memberId: leo }] }
			}
		});
		const exported = await call(`${base}/export`, { token: owner.token });
		expect(exported.status).toBe(200);
		expect(exported.body).toMatchObject({ format: 'hearth.household', version: EXPORT_VERSION });
		await expectMatchesDocument('GET', '/households/{hid}/export', 200, exported.body);

		const importer = await newAccount('Importer');
		const imported = await call('/api/v1/households/import?name=Copy%20House', { method: 'POST', token: importer.token, body: exported.body });
		expect(imported.status).toBe(201);
		await expectMatchesDocument('POST', '/households/import', 201, imported.body);
		const copy = `/api/v1/households/${imported.body.householdId}`;
		expect((await call(copy, { token: importer.token })).body.name).toBe('Copy House');
		const sort = (b: { balances: Array<{ memberId: string }> }) => [...b.balances].sort((x, y) => x.memberId.localeCompare(y.memberId));
		expect(sort((await call(`${copy}/balances`, { token: importer.token })).body)).toEqual(sort((await call(`${base}/balances`, { token: owner.token })).body));
		// The original's owner is not in the copy.
		expect((await call(copy, { token: owner.token })).status).toBe(404);
		const invite = await call(`${base}/invites`, { method: 'POST', token: owner.token, body: { role: 'adult' } });
		const member = await newAccount('Member');
		await call(`/api/v1/invites/${invite.body.token}/accept`, { method: 'POST', token: member.token });
		expect((await call(`${base}/export`, { token: member.token })).status).toBe(403);
		expect((await call(`${base}/export`, { token: (await newAccount('Stranger')).token })).status).toBe(404);
	});

	it('refuses a malformed or tampered document with a clear message and imports nothing', async () => {
		const owner = await newAccount('Owner');
		const house = await newHousehold(owner.token, 'Tamper House');
		const exported = (await call(`/api/v1/households/${house.id}/export`, { token: owner.token })).body;
		const countBefore = (await call('/api/v1/me', { token: owner.token })).body.households.length;
		const wrongVersion = await call('/api/v1/households/import', { method: 'POST', token: owner.token, body: { ...exported, version: 99 } });
		expect(wrongVersion.status).toBe(422);
		expect(wrongVersion.body.error.message).toMatch(/version/);
		const dangling = structuredClone(exported);
		dangling.tables.activity.push({ ...dangling.tables.activity[0], actor_member_id: crypto.randomUUID() });
		const refused = await call('/api/v1/households/import', { method: 'POST', token: owner.token, body: dangling });
		expect(refused.status).toBe(422);
		expect(refused.body.error.message).toMatch(/Nothing was imported: activity row \d+ refers to a member/);
		expect(
			(await call('/api/v1/households/import', { method: 'POST', token: owner.token, rawBody: '{"format": ', headers: { 'content-type': 'application/json' } }))
				.status
		).toBe(400);
		expect((await call('/api/v1/me', { token: owner.token })).body.households.length).toBe(countBefore);
	});

	it('refuses a body over 1 MB anywhere but the import', async () => {
		const owner = await newAccount('Big');
		const answer = await postEarlyAnswered('/api/v1/households', owner.token, JSON.stringify({ name: 'x'.repeat(2_000_000) }));
		// 413 at once; a client still sending may see the connection close first.
		expect([413, 0]).toContain(answer.status);
	});

	it('serves the chore history and the decisions as CSV', async () => {
		const owner = await newAccount('Csv');
		const house = await newHousehold(owner.token, 'Csv House');
		await call(`/api/v1/households/${house.id}/proposals`, {
			method: 'POST',
			token: owner.token,
			body: { title: 'Paint, "green"', kind: 'consent', closesAt: new Date(Date.now() + 86_400_000).toISOString() }
		});
		const cookie = `hearth_session=${owner.token}`;
		const proposals = await fetch(`${baseUrl()}/h/${house.id}/proposals.csv`, { headers: { cookie } });
		expect(proposals.headers.get('content-type')).toContain('text/csv');
		const text = await proposals.text();
		expect(text.split('\n')[0]).toBe('title,kind,rule,opened,closes or closed,status,eligible,voted,result,reason,linked expense');
		expect(text).toContain('"Paint, ""green"""');
		const chores = await fetch(`${baseUrl()}/h/${house.id}/chores.csv`, { headers: { cookie } });
		expect((await chores.text()).split('\n')[0]).toBe('due on,chore,effort,assigned to,status,done by,done on,skip reason');
	});
});
