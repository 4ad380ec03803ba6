import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { call, newAccount, newHousehold } from '../testing/http';
import { expectMatchesDocument } from '../testing/openapi-check';

const sample = readFileSync('tests/fixtures/splitwise-sample.csv', 'utf8');

async function houseOfFour() {
	const owner = await newAccount('Ana');
	const house = await newHousehold(owner.token, 'Imported House');
	const base = `/api/v1/households/${house.id}`;
	const ids: Record<string, string> = { Ana: house.me.memberId };
	for (const name of ['Ben', 'Cleo', 'Dev'])
		ids[name] = (await call(`${base}/members`, { method: 'POST', token: owner.token, body: { displayName: name, role: 'adult' } })).body.id;
	return { owner, base, ids };
}

describe('importing a Splitwise export', () => {
	it('previews who is who and the balances it leaves, writing nothing; then imports so that balances match the file', async () => {
		const { owner, base, ids } = await houseOfFour();
		const preview = await call(`${base}/imports/splitwise`, { method: 'POST', token: owner.token, body: { csv: sample, dryRun: true } });
		expect(preview.status).toBe(200);
		await expectMatchesDocument('POST', '/households/{hid}/imports/splitwise', 200, preview.body);
		// Guessed by first name: "Ana Souza" is Ana.
		expect(preview.body.people.map((p: { memberId: string }) => p.memberId)).toEqual([ids.Ana, ids.Ben, ids.Cleo, ids.Dev]);
		expect(preview.body).toMatchObject({ expenses: 17, payments: 6, from: '2026-08-01', to: '2026-10-10', unmapped: [] });
		const expected = { [ids.Ana!]: 248886, [ids.Ben!]: -49788, [ids.Cleo!]: -78237, [ids.Dev!]: -120861 };
		for (const b of preview.body.balances) expect(b.afterMinor).toBe(expected[b.memberId]);
		expect((await call(`${base}/expenses`, { token: owner.token })).body.items).toHaveLength(0);

		const imported = await call(`${base}/imports/splitwise`, { method: 'POST', token: owner.token, body: { csv: sample } });
		expect(imported.status).toBe(201);
		expect(imported.body).toEqual({ expenses: 17, payments: 6 });
		const balances = (await call(`${base}/balances`, { token: owner.token })).body.balances;
		expect(Object.fromEntries(balances.map((b: { memberId: string; netMinor: number }) => [b.memberId, b.netMinor]))).toEqual(expected);
		const expenses = (await call(`${base}/expenses?limit=200`, { token: owner.token })).body.items;
		const pizza = expenses.find((e: { description: string }) => e.description === 'Pizza night, with "extra" cheese');
		expect(pizza).toMatchObject({ amountMinor: 5460, category: 'other' });
		expect(expenses.find((e: { description: string }) => e.description === 'Rent August').category).toBe('rent');
		const dinner = expenses.find((e: { description: string }) => e.description === 'Dinner out');
		expect(dinner.payers).toEqual(
			expect.arrayContaining([
				{ memberId: ids.Ana, amountMinor: 3000 },
				{ memberId: ids.Ben, amountMinor: 2000 }
			])
		);
	});

	it('maps two Splitwise people to one member when asked, and refuses to import with someone unmapped', async () => {
		const { owner, base, ids } = await houseOfFour();
		const unmapped = await call(`${base}/imports/splitwise`, { method: 'POST', token: owner.token, body: { csv: sample, mapping: { '3': '' } } });
		expect(unmapped.status).toBe(422);
		expect(unmapped.body.error.message).toBe('Choose a member for Dev Patel.');
		const merged = await call(`${base}/imports/splitwise`, {
			method: 'POST',
			token: owner.token,
			body: { csv: sample, dryRun: true, mapping: { '3': ids.Cleo } }
		});
		expect(merged.body.balances.find((b: { memberId: string }) => b.memberId === ids.Cleo).afterMinor).toBe(-78237 - 120861);
	});

	it.each([
		['not a CSV export at all', 'hello,world\n1,2\n', /does not look like a Splitwise export/],
		['a broken quote', 'Date,Description,Category,Cost,Currency,Ana Souza\n2026-01-01,"Food,General,1.00,EUR,0.00\n', /not valid CSV/],
		[
			'another currency',
			sample.replace('2026-08-03,Groceries (Lidl),Groceries,87.45,EUR', '2026-08-03,Groceries (Lidl),Groceries,87.45,USD'),
			/Line 3 is in USD/
		],
		['a row whose amounts do not cancel out', sample.replace('1800.00,-600.00', '1800.00,-601.00'), /Line 2: .* adds up to -100/],
		['a bad date', sample.replace('2026-08-05,Internet', '5 Aug 2026,Internet'), /Line 4: “5 Aug 2026” is not a date/]
	])('refuses %s with a clear message and imports nothing', async (_name, csv, message) => {
		const { owner, base } = await houseOfFour();
		const response = await call(`${base}/imports/splitwise`, { method: 'POST', token: owner.token, body: { csv } });
		expect(response.status).toBe(422);
		expect(response.body.error.message).toMatch(message);
		expect(response.body.error.fields.file).toMatch(message);
		expect((await call(`${base}/expenses`, { token: owner.token })).body.items).toHaveLength(0);
		expect((await call(`${base}/balances`, { token: owner.token })).body.balances.every((b: { netMinor: number }) => b.netMinor === 0)).toBe(true);
	});

	it('is for admins; strangers get 404', async () => {
		const { owner, base } = await houseOfFour();
		const invite = await call(`${base}/invites`, { method: 'POST', token: owner.token, body: { role: 'adult' } });
		const member = await newAccount('Member');
		await call(`/api/v1/invites/${invite.body.token}/accept`, { method: 'POST', token: member.token });
		expect((await call(`${base}/imports/splitwise`, { method: 'POST', token: member.token, body: { csv: sample } })).status).toBe(403);
		expect((await call(`${base}/imports/splitwise`, { method: 'POST', token: (await newAccount('Stranger')).token, body: { csv: sample } })).status).toBe(404);
	});
});
