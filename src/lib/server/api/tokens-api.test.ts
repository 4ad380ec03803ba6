import { describe, expect, it } from 'vitest';
import { baseUrl, call, newAccount, newHousehold } from '../testing/http';
import { expectMatchesDocument } from '../testing/openapi-check';

describe('personal access tokens', () => {
	it('are made (shown once), used on the API with their last use recorded, listed without the secret, and revoked → 401', async () => {
		const owner = await newAccount('Scripter');
		const house = await newHousehold(owner.token, 'Token House');
		const made = await call('/api/v1/me/tokens', { method: 'POST', token: owner.token, body: { name: 'budget sheet', password: owner.password } });
		expect(made.status).toBe(201);
		expect(made.body.token).toMatch(/^hearth_pat_[a-z2-7]{32}$/);
		await expectMatchesDocument('POST', '/me/tokens', 201, made.body);
		const pat = made.body.token as string;

		expect((await call('/api/v1/me', { token: pat })).body.email).toBe(owner.email);
		expect((await call(`/api/v1/households/${house.id}/balances`, { token: pat })).status).toBe(200);
		const listed = await call('/api/v1/me/tokens', { token: owner.token });
		expect(listed.body.items).toHaveLength(1);
		expect(listed.body.items[0]).toMatchObject({ name: 'budget sheet', lastUsedAt: expect.any(String) });
		expect(JSON.stringify(listed.body)).not.toContain(pat);
		await expectMatchesDocument('GET', '/me/tokens', 200, listed.body);

		// A token is for the API: a page does not log anyone in with it.
		const page = await fetch(`${baseUrl()}/h/${house.id}`, { headers: { authorization: `Bearer ${pat}` }, redirect: 'manual' });
		expect(page.status).toBe(303);

		const stranger = await newAccount('Stranger');
		expect((await call(`/api/v1/me/tokens/${made.body.id}`, { method: 'DELETE', token: stranger.token })).status).toBe(404);
		expect((await call(`/api/v1/me/tokens/${made.body.id}`, { method: 'DELETE', token: owner.token })).status).toBe(204);
		expect((await call('/api/v1/me', { token: pat })).status).toBe(401);
		expect((await call('/api/v1/me/tokens', { token: owner.token })).body.items).toEqual([]);
		expect((await call('/api/v1/me/tokens', { method: 'POST', token: owner.token, body: { name: ' ', password: owner.password } })).status).toBe(400);
		expect((await call('/api/v1/me', { token: 'hearth_pat_notarealtokenatallnotarealtoken' })).status).toBe(401);
	});

	it('log out is for sessions: a token says so instead of failing', async () => {
		const owner = await newAccount('Logger');
		const { body } = await call('/api/v1/me/tokens', { method: 'POST', token: owner.token, body: { name: 'cron', password: owner.password } });
		expect((await call('/api/v1/sessions/current', { method: 'DELETE', token: body.token })).status).toBe(400);
		expect((await call('/api/v1/me', { token: body.token })).status).toBe(200);
	});
});

describe('the API rate limit', () => {
	it('counts per token and answers 429 with Retry-After, while another token goes on', async () => {
		const owner = await newAccount('Busy');
		const { body } = await call('/api/v1/me/tokens', { method: 'POST', token: owner.token, body: { name: 'busy loop', password: owner.password } });
		const statuses: number[] = [];
		let retryAfter: string | null = null;
		// The test server allows 120 a minute (API_RATE_LIMIT_PER_MINUTE in the global setup).
		for (let i = 0; i < 130; i++) {
			const response = await call('/api/v1/me', { token: body.token });
			statuses.push(response.status);
			if (response.status === 429) retryAfter ??= response.headers.get('retry-after');
		}
		expect(statuses.filter((s) => s === 200)).toHaveLength(120);
		expect(statuses.slice(120).every((s) => s === 429)).toBe(true);
		expect(Number(retryAfter)).toBeGreaterThan(0);
		expect(Number(retryAfter)).toBeLessThanOrEqual(60);
		expect((await call('/api/v1/me', { token: owner.token })).status).toBe(200);
	});
});

describe('CSRF on the API', () => {
	it('refuses a cookie-authenticated write from another site, allows it from this one, and never checks bearer tokens', async () => {
		const owner = await newAccount('Cookie');
		const house = await newHousehold(owner.token, 'Cookie House');
		const cookie = `hearth_session=${owner.token}`;
		const path = `/api/v1/households/${house.id}/members`;
		const evil = await call(path, { method: 'POST', cookie, headers: { origin: 'https://evil.example' }, body: { displayName: 'Intruder', role: 'adult' } });
		expect(evil.status).toBe(403);
		expect(evil.body.error.code).toBe('cross_site');
		const sneaky = await call(path, { method: 'POST', cookie, headers: { 'sec-fetch-site': 'cross-site' }, body: { displayName: 'Intruder', role: 'adult' } });
		expect(sneaky.status).toBe(403);
		const members = await call(path, { cookie });
		expect(members.body.items.map((m: { displayName: string }) => m.displayName)).not.toContain('Intruder');
		expect(
			(
				await call(path, {
					method: 'POST',
					cookie,
					headers: { origin: baseUrl(), 'sec-fetch-site': 'same-origin' },
					body: { displayName: 'Leo', role: 'child' }
				})
			).status
		).toBe(201);
		// Scripts are not browsers: a bearer token works whatever the Origin says.
		expect(
			(await call(path, { method: 'POST', token: owner.token, headers: { origin: 'https://elsewhere.example' }, body: { displayName: 'Mia', role: 'youth' } }))
				.status
		).toBe(201);
	});
});

describe('what a token may not do', () => {
	it('a token cannot make tokens (403), and a session needs the password typed again (422)', async () => {
		const owner = await newAccount('Minter');
		const made = await call('/api/v1/me/tokens', { method: 'POST', token: owner.token, body: { name: 'first', password: owner.password } });
		const minted = await call('/api/v1/me/tokens', { method: 'POST', token: made.body.token, body: { name: 'second', password: owner.password } });
		expect(minted.status).toBe(403);
		const wrong = await call('/api/v1/me/tokens', { method: 'POST', token: owner.token, body: { name: 'third', password: 'not my password' } });
		expect(wrong.status).toBe(422);
		expect(wrong.body.error.fields.password).toBeTruthy();
		expect((await call('/api/v1/me/tokens', { token: owner.token })).body.items).toHaveLength(1);
	});

	it('a password reset or change revokes every token, and the account page says so', async () => {
		const owner = await newAccount('Changer');
		const made = await call('/api/v1/me/tokens', { method: 'POST', token: owner.token, body: { name: 'cron', password: owner.password } });
		expect((await call('/api/v1/me', { token: made.body.token })).status).toBe(200);
		const headers = { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl(), cookie: `hearth_session=${owner.token}`, accept: 'text/html' };
		const changed = await fetch(`${baseUrl()}/account?/password`, {
			method: 'POST',
			headers,
			body: new URLSearchParams({ current: owner.password, password: 'a brand new password', confirm: 'a brand new password' })
		});
		const html = await changed.text();
		expect(html).toContain('access tokens were revoked');
		expect((await call('/api/v1/me', { token: made.body.token })).status).toBe(401);
	});

	it('a refused password change sends no password back to the page', async () => {
		const owner = await newAccount('Echo');
		const headers = { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl(), cookie: `hearth_session=${owner.token}`, accept: 'text/html' };
		const refused = await fetch(`${baseUrl()}/account?/password`, {
			method: 'POST',
			headers,
			body: new URLSearchParams({ current: 'my-secret-current-1', password: 'secret-new-password-2', confirm: 'secret-mismatch-3' })
		});
		const html = await refused.text();
		for (const secret of ['my-secret-current-1', 'secret-new-password-2', 'secret-mismatch-3']) expect(html).not.toContain(secret);
	});
});
