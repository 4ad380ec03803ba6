import { createHmac } from 'node:crypto';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { baseUrl, call, newAccount, newHousehold } from '../testing/http';

/** What the running app signs an unsubscribe link with: read from its own database (made on its first start). */
async function signedLink(householdId: string, memberId: string, scope: string): Promise<string> {
	const client = new pg.Client({ connectionString: inject('httpDatabaseUrl') });
	await client.connect();
	try {
		// The job runner makes the key as it starts; a page that needs it makes it too: ask one first.
		const { rows } = await client.query<{ value: string }>(`select value from instance_secrets where name = 'unsubscribe-signing'`);
		const key = Buffer.from(rows[0]!.value, 'base64url');
		const payload = `${householdId}.${memberId}.${scope}`;
		return `/unsubscribe/${Buffer.from(payload).toString('base64url')}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
	} finally {
		await client.end();
	}
}

describe('one-click unsubscribe (RFC 8058) over HTTP', () => {
	it('a mail program’s POST with no Origin and no session turns that email off; the page itself (GET) changes nothing', async () => {
		const alex = await newAccount('Alex');
		const house = await newHousehold(alex.token, 'Unsubscribing House');
		// The settings page reads the push key: the secrets exist once it answered.
		const settings = await call(`/h/${house.id}/notifications/settings`, { cookie: `hearth_session=${alex.token}` });
		expect(settings.status).toBe(200);
		const link = await signedLink(house.id, house.me.memberId, 'money');
		const page = await call(link);
		expect(page.status).toBe(200);
		expect(page.body).toContain('Stop emails about Money from Unsubscribing House to Alex?');
		const before = await call(`/h/${house.id}/notifications/settings`, { cookie: `hearth_session=${alex.token}` });
		expect(before.body).toMatch(/<option value="digest" selected/);
		const response = await fetch(`${baseUrl()}${link}`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-test-client-address': 'one-click' },
			body: 'List-Unsubscribe=One-Click',
			redirect: 'manual'
		});
		expect(response.status).toBe(200);
		const after = await call(`/h/${house.id}/notifications/settings`, { cookie: `hearth_session=${alex.token}` });
		// The money group's email select now says "No email".
		expect(after.body.match(/name="money_email"[\s\S]*?<\/select>/)![0]).toMatch(/<option value="off" selected/);
	});

	it('a forged or cut token is refused with 400 and changes nothing; other cross-site form posts are still refused', async () => {
		const alex = await newAccount('Alex');
		const house = await newHousehold(alex.token, 'Guarded House');
		const link = await signedLink(house.id, house.me.memberId, 'all');
		const forged = `${link.slice(0, -3)}abc`;
		const response = await fetch(`${baseUrl()}${forged}`, {
			method: 'POST',
			// As the page's own button posts it (a browser asks for HTML).
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', 'x-test-client-address': 'one-click-forged' },
			body: 'List-Unsubscribe=One-Click',
			redirect: 'manual'
		});
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('This link does not work');
		const settings = await fetch(`${baseUrl()}/h/${house.id}/notifications/settings?/save`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example', cookie: `hearth_session=${alex.token}` },
			body: 'money_email=off',
			redirect: 'manual'
		});
		expect(settings.status).toBe(403);
	});
});
