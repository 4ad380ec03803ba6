import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { baseUrl, call, newAccount, newHousehold } from '../testing/http';
import { apiReference } from './reference';
import { operations } from './openapi';

describe('the API reference', () => {
	it('lists every operation with its body fields and answers', () => {
		const sections = apiReference();
		const listed = sections.flatMap((s) => s.operations);
		expect(listed).toHaveLength(operations.length);
		const createProposal = listed.find((o) => o.method === 'POST' && o.path === '/api/v1/households/{hid}/proposals')!;
		expect(createProposal.body!.map((f) => f.name)).toEqual(expect.arrayContaining(['title', 'kind', 'rule.threshold', 'closesAt']));
		expect(createProposal.responses.map((r) => r.status)).toEqual(expect.arrayContaining(['201', '422', '429']));
	});

	it('is served as a page', async () => {
		const response = await fetch(`${baseUrl()}/api`);
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('/api/v1/households/{hid}/balances');
		expect(html).toContain('first-script');
	});

	it('its first script runs as written against a real server', async () => {
		const owner = await newAccount('First');
		const house = await newHousehold(owner.token, 'Script House');
		const me = house.me.memberId;
		await call(`/api/v1/households/${house.id}/expenses`, {
			method: 'POST',
			token: owner.token,
			body: {
				description: 'Bread',
				amountMinor: 350,
				spentOn: '2026-11-20',
				category: 'groceries',
				payers: [{ memberId: me, amountMinor: 350 }],
				split: { mode: 'equal', parts: [{ memberId: me }] }
			}
		});
		const { body } = await call('/api/v1/me/tokens', { method: 'POST', token: owner.token, body: { name: 'first script', password: owner.password } });
		const output = execFileSync('sh', ['docs/first-script.sh'], { env: { ...process.env, HEARTH_URL: baseUrl(), HEARTH_TOKEN: body.token }, encoding: 'utf8' });
		expect(output).toContain('Hello, First.');
		expect(output).toContain(`${me}: 0`);
		expect(output).toContain('2026-11-20  Bread  350');
	});
});
