import { describe, expect, it } from 'vitest';
import { baseUrl, call, newAccount, newHousehold } from '../testing/http';
import { expectMatchesDocument } from '../testing/openapi-check';

describe('accounts over HTTP', () => {
	it('signs up, logs in, answers /me, and logs out', async () => {
		const account = await newAccount('Robin');
		const me = await call('/api/v1/me', { token: account.token });
		expect(me.status).toBe(200);
		expect(me.body).toMatchObject({ email: account.email, displayName: 'Robin', households: [] });
		await expectMatchesDocument('GET', '/me', 200, me.body);

		const out = await call('/api/v1/sessions/current', { method: 'DELETE', token: account.token });
		expect(out.status).toBe(204);
		expect((await call('/api/v1/me', { token: account.token })).status).toBe(401);
	});

	it('answers 409 for a taken email and 401 for a wrong pair', async () => {
		const account = await newAccount();
		const again = await call('/api/v1/users', { method: 'POST', body: { email: account.email.toUpperCase(), password: 'whatever123', displayName: 'X' } });
		expect(again.status).toBe(409);
		await expectMatchesDocument('POST', '/users', 409, again.body);
		const wrong = await call('/api/v1/sessions', { method: 'POST', body: { email: account.email, password: 'not the password' } });
		expect(wrong.status).toBe(401);
		expect(wrong.body.error.code).toBe('wrong_credentials');
	});

	it('answers 400 with field messages for malformed bodies, and stores nothing', async () => {
		const missing = await call('/api/v1/users', { method: 'POST', body: { email: 'x@y.z' } });
		expect(missing.status).toBe(400);
		expect(Object.keys(missing.body.error.fields)).toEqual(expect.arrayContaining(['password', 'displayName']));
		const notJson = await call('/api/v1/users', { method: 'POST', rawBody: '{oops', headers: { 'content-type': 'application/json' } });
		expect(notJson.status).toBe(400);
		expect(notJson.body.error.code).toBe('malformed_json');
		const wrongType = await call('/api/v1/users', { method: 'POST', body: { email: 42, password: ['x'], displayName: null } });
		expect(wrongType.status).toBe(400);
		const login = await call('/api/v1/sessions', { method: 'POST', body: { email: 'x@example.com', password: 'short pass' } });
		expect(login.status).toBe(401);
	});

	it('rate limits logins from one address with 429 and Retry-After', async () => {
		const account = await newAccount();
		let response;
		for (let i = 0; i < 11; i++)
			response = await call('/api/v1/sessions', { method: 'POST', body: { email: account.email, password: 'wrong wrong' }, address: 'one-address-guessing' });
		expect(response!.status).toBe(429);
		expect(Number(response!.headers.get('retry-after'))).toBeGreaterThan(0);
	});

	it('answers 401 without a token and with a bad one', async () => {
		expect((await call('/api/v1/me')).status).toBe(401);
		const bad = await call('/api/v1/me', { token: 'nope' });
		expect(bad.status).toBe(401);
		expect(bad.body.error.code).toBe('unauthenticated');
	});
});

describe('households and members over HTTP', () => {
	it('creates a household whose creator is an adult admin', async () => {
		const owner = await newAccount('Owner');
		const created = await call('/api/v1/households', {
			method: 'POST',
			token: owner.token,
			body: { name: 'Elm House', currency: 'jpy', timezone: 'Asia/Tokyo' }
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ name: 'Elm House', currency: 'JPY', timezone: 'Asia/Tokyo', me: { isAdmin: true } });
		await expectMatchesDocument('POST', '/households', 201, created.body);
		const read = await call(`/api/v1/households/${created.body.id}`, { token: owner.token });
		expect(read.body).toEqual(created.body);
		const members = await call(`/api/v1/households/${created.body.id}/members`, { token: owner.token });
		expect(members.body.items).toEqual([
			expect.objectContaining({ role: 'adult', isAdmin: true, userId: owner.id, shareWeight: 1, choreCapacity: 1, active: true })
		]);
		await expectMatchesDocument('GET', '/households/{hid}/members', 200, members.body);
	});

	it('refuses a bad time zone or currency with 422 and a field message', async () => {
		const owner = await newAccount();
		const bad = await call('/api/v1/households', { method: 'POST', token: owner.token, body: { name: 'X', currency: 'ABC', timezone: 'Nowhere/Land' } });
		expect(bad.status).toBe(422);
		expect(Object.keys(bad.body.error.fields).sort()).toEqual(['currency', 'timezone']);
		const me = await call('/api/v1/me', { token: owner.token });
		expect(me.body.households).toEqual([]);
	});

	it('adds an account-less member, edits them, records an absence; admins only', async () => {
		const owner = await newAccount('Owner');
		const house = await newHousehold(owner.token);
		const base = `/api/v1/households/${house.id}`;
		const leo = await call(`${base}/members`, {
			method: 'POST',
			token: owner.token,
			body: { displayName: 'Leo', role: 'child', shareWeight: 0, choreCapacity: 0.25 }
		});
		expect(leo.status).toBe(201);
		expect(leo.body).toMatchObject({ displayName: 'Leo', role: 'child', userId: null, shareWeight: 0, choreCapacity: 0.25, isAdmin: false });
		await expectMatchesDocument('POST', '/households/{hid}/members', 201, leo.body);

		const patched = await call(`${base}/members/${leo.body.id}`, {
			method: 'PATCH',
			token: owner.token,
			body: { choreCapacity: 0.5, version: leo.body.version }
		});
		expect(patched.status).toBe(200);
		expect(patched.body.choreCapacity).toBe(0.5);

		const childAdmin = await call(`${base}/members`, { method: 'POST', token: owner.token, body: { displayName: 'Kid', role: 'child', isAdmin: true } });
		expect(childAdmin.status).toBe(422);
		expect(childAdmin.body.error.fields.isAdmin).toBeTruthy();

		const away = await call(`${base}/members/${leo.body.id}/absences`, {
			method: 'POST',
			token: owner.token,
			body: { from: '2026-12-20', to: '2026-12-27', note: 'Grandparents' }
		});
		expect(away.status).toBe(201);
		expect(away.body).toMatchObject({ memberId: leo.body.id, from: '2026-12-20', to: '2026-12-27' });
		await expectMatchesDocument('POST', '/households/{hid}/members/{mid}/absences', 201, away.body);

		const backwards = await call(`${base}/members/${leo.body.id}/absences`, {
			method: 'POST',
			token: owner.token,
			body: { from: '2026-12-20', to: '2026-12-01' }
		});
		expect(backwards.status).toBe(422);
		expect(backwards.body.error.fields.to).toBeTruthy();
	});

	it('keeps the last admin: 422 when they try to leave', async () => {
		const owner = await newAccount();
		const house = await newHousehold(owner.token);
		const leave = await call(`/api/v1/households/${house.id}/members/${house.me.memberId}`, {
			method: 'PATCH',
			token: owner.token,
			body: { active: false, version: 1 }
		});
		expect(leave.status).toBe(422);
		expect(leave.body.error.code).toBe('last_admin');
	});

	it('invites: made by an admin, accepted by a new account, used up after its limit', async () => {
		const owner = await newAccount('Owner');
		const house = await newHousehold(owner.token);
		const invite = await call(`/api/v1/households/${house.id}/invites`, {
			method: 'POST',
			token: owner.token,
			body: { role: 'youth', maxUses: 1, expiresInDays: 3 }
		});
		expect(invite.status).toBe(201);
		expect(invite.body.url).toContain(`/invite/${invite.body.token}`);
		await expectMatchesDocument('POST', '/households/{hid}/invites', 201, invite.body);

		const teen = await newAccount('Teen');
		const accepted = await call(`/api/v1/invites/${invite.body.token}/accept`, { method: 'POST', token: teen.token });
		expect(accepted.status).toBe(200);
		expect(accepted.body.householdId).toBe(house.id);
		const members = await call(`/api/v1/households/${house.id}/members`, { token: teen.token });
		expect(members.body.items.find((m: { id: string }) => m.id === accepted.body.memberId)).toMatchObject({ role: 'youth', userId: teen.id });

		const late = await newAccount('Late');
		const usedUp = await call(`/api/v1/invites/${invite.body.token}/accept`, { method: 'POST', token: late.token });
		expect(usedUp.status).toBe(410);
		expect(usedUp.body.error.message).toMatch(/already been used/);

		const teenInvites = await call(`/api/v1/households/${house.id}/invites`, { method: 'POST', token: teen.token, body: { role: 'adult' } });
		expect(teenInvites.status).toBe(403);
	});

	it('hides another household: 404 for every read and write', async () => {
		const owner = await newAccount('Owner');
		const house = await newHousehold(owner.token);
		const stranger = await newAccount('Stranger');
		await newHousehold(stranger.token, 'Elsewhere');
		const base = `/api/v1/households/${house.id}`;
		const attempts = [
			await call(base, { token: stranger.token }),
			await call(`${base}/members`, { token: stranger.token }),
			await call(`${base}/members`, { method: 'POST', token: stranger.token, body: { displayName: 'X', role: 'adult' } }),
			await call(`${base}/members/${house.me.memberId}`, { method: 'PATCH', token: stranger.token, body: { displayName: 'Pwned', version: 1 } }),
			await call(`${base}/members/${house.me.memberId}/absences`, { method: 'POST', token: stranger.token, body: { from: '2026-12-01', to: '2026-12-02' } }),
			await call(`${base}/invites`, { method: 'POST', token: stranger.token, body: { role: 'adult' } }),
			await call('/api/v1/households/not-a-uuid', { token: stranger.token })
		];
		expect(attempts.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
		const members = await call(`${base}/members`, { token: owner.token });
		expect(members.body.items).toHaveLength(1);
		expect(members.body.items[0].displayName).toBe('Owner');
	});
});

describe('cursor lists', () => {
	it('pages through the activity log without gaps or repeats', async () => {
		const owner = await newAccount('Owner');
		const house = await newHousehold(owner.token);
		for (const name of ['A', 'B', 'C', 'D', 'E']) {
			await call(`/api/v1/households/${house.id}/members`, { method: 'POST', token: owner.token, body: { displayName: name, role: 'adult' } });
		}
		const seen: string[] = [];
		let cursor: string | null = null;
		let pages = 0;
		do {
			const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
			const response = await call(`/api/v1/households/${house.id}/activity${query}`, { token: owner.token });
			expect(response.status).toBe(200);
			await expectMatchesDocument('GET', '/households/{hid}/activity', 200, response.body);
			seen.push(...response.body.items.map((item: { id: string }) => item.id));
			cursor = response.body.nextCursor;
			pages++;
		} while (cursor);
		expect(seen).toHaveLength(6);
		expect(new Set(seen).size).toBe(6);
		expect(pages).toBe(3);
	});

	it('answers 400 for a bad limit or cursor', async () => {
		const owner = await newAccount('Owner');
		const house = await newHousehold(owner.token);
		for (const query of ['?limit=0', '?limit=201', '?limit=abc', '?cursor=%%%', '?cursor=eyJpZCI6IjsgZHJvcCJ9']) {
			const response = await call(`/api/v1/households/${house.id}/activity${query}`, { token: owner.token });
			expect(response.status, query).toBe(400);
		}
	});
});

describe('security headers and cookies', () => {
	it('sends a strict CSP, frame-ancestors none and the other headers on pages', async () => {
		const response = await call('/login');
		const csp = response.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("frame-ancestors 'none'");
		const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
		expect(scriptSrc).toContain("'self'");
		expect(scriptSrc).not.toContain('unsafe-inline');
		expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
	});

	it('sets the session cookie HttpOnly, Secure and SameSite=Lax when logging in through the page', async () => {
		const account = await newAccount('Cookie');
		const form = new URLSearchParams({ email: account.email, password: account.password });
		const response = await fetch(`${baseUrl()}/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl(), accept: 'text/html', 'x-test-client-address': 'cookie-test' },
			body: form,
			redirect: 'manual'
		});
		expect(response.status).toBe(303);
		const cookie = response.headers.get('set-cookie') ?? '';
		expect(cookie).toMatch(/^hearth_session=[a-z2-7]{32};/);
		expect(cookie).toContain('HttpOnly');
		expect(cookie).toContain('SameSite=Lax');
		expect(cookie).toContain('Secure');
	});

	it('refuses a cross-site form post (CSRF origin check)', async () => {
		const response = await fetch(`${baseUrl()}/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example', 'x-test-client-address': 'csrf-test' },
			body: 'email=a%40b.co&password=x',
			redirect: 'manual'
		});
		expect(response.status).toBe(403);
	});
});
