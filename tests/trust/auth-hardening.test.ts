/**
 * Abuse of the ways in: each is refused with 429 well before 20 tries from one place;
 * changing a password ends the other sessions; secret tokens never reach the log; the
 * session cookie and the security headers are what a browser needs to keep them safe.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { describe, expect, it, inject } from 'vitest';
import { baseUrl, call, newAccount, newHousehold, waitForMail } from '$lib/server/testing/http';

/** Posts a form as a browser without JavaScript does, from one client address. */
function postForm(path: string, fields: Record<string, string>, address: string, cookie?: string) {
	const headers: Record<string, string> = {
		'content-type': 'application/x-www-form-urlencoded',
		origin: baseUrl(),
		accept: 'text/html',
		'x-test-client-address': address
	};
	if (cookie) headers.cookie = `hearth_session=${cookie}`;
	return fetch(`${baseUrl()}${path}`, { method: 'POST', headers, body: new URLSearchParams(fields), redirect: 'manual' });
}

/** Tries up to 20 times; the number of the first try answered 429 (or 21: never). */
async function firstRefusal(attempt: (i: number) => Promise<{ status: number }>): Promise<number> {
	for (let i = 1; i <= 20; i++) if ((await attempt(i)).status === 429) return i;
	return 21;
}

describe('brute force is refused with 429 before 20 tries', () => {
	it('logging in: wrong passwords from one address, for one account or many', async () => {
		const account = await newAccount('Target');
		const address = `login-${randomUUID()}`;
		const refusedAt = await firstRefusal((i) => postForm('/login', { email: account.email, password: `guess number ${i}` }, address));
		expect(refusedAt).toBeLessThan(20);
		// From that address even the right password waits (the limit is checked first) …
		const blocked = await call('/api/v1/sessions', { method: 'POST', body: { email: account.email, password: account.password }, address });
		expect(blocked.status).toBe(429);
		expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
		// … and one address guessing many accounts is refused too.
		const sprayer = `login-spray-${randomUUID()}`;
		let sprayRefusedAt = 0;
		for (let i = 1; i <= 60 && !sprayRefusedAt; i++)
			if ((await postForm('/login', { email: `nobody-${i}@test.example`, password: 'guess' }, sprayer)).status === 429) sprayRefusedAt = i;
		expect(sprayRefusedAt).toBeGreaterThan(0);
	});

	it('someone else’s wrong passwords and reset requests never lock the owner out (targeted lockout)', async () => {
		const account = await newAccount('Victim');
		const attacker = `attacker-${randomUUID()}`;
		for (let i = 0; i < 12; i++) await postForm('/login', { email: account.email, password: `wrong ${i}` }, attacker);
		for (let i = 0; i < 5; i++) await postForm('/reset-password', { email: account.email }, attacker);
		const owner = `owner-${randomUUID()}`;
		expect((await call('/api/v1/sessions', { method: 'POST', body: { email: account.email, password: account.password }, address: owner })).status).toBe(201);
		expect((await postForm('/reset-password', { email: account.email }, owner)).status).toBeLessThan(400);
	});

	it('signing up: many accounts from one address', async () => {
		const address = `signup-${randomUUID()}`;
		const refusedAt = await firstRefusal((i) =>
			postForm('/signup', { displayName: `Bot ${i}`, email: `bot-${i}-${randomUUID().slice(0, 6)}@test.example`, password: 'long enough password' }, address)
		);
		expect(refusedAt).toBeLessThan(20);
	});

	it('asking for password resets from one address', async () => {
		const address = `reset-${randomUUID()}`;
		const refusedAt = await firstRefusal((i) => postForm('/reset-password', { email: `someone-${i}@test.example` }, address));
		expect(refusedAt).toBeLessThan(20);
	});

	it('guessing reset links from one address', async () => {
		const address = `reset-guess-${randomUUID()}`;
		const refusedAt = await firstRefusal(() =>
			postForm(`/reset-password/${'a'.repeat(32)}`, { password: 'a new password', confirm: 'a new password' }, address)
		);
		expect(refusedAt).toBeLessThan(20);
	});

	it('guessing invite links from one address, by page and by API', async () => {
		const account = await newAccount('Guesser');
		const address = `invite-guess-${randomUUID()}`;
		const refusedAt = await firstRefusal((i) =>
			call(`/api/v1/invites/${'b'.repeat(31)}${'abcdefghijklmnopqrstuvwxyz'[i]}/accept`, { method: 'POST', token: account.token, address })
		);
		expect(refusedAt).toBeLessThan(20);
		const page = await fetch(`${baseUrl()}/invite/${'c'.repeat(32)}`, { headers: { 'x-test-client-address': address } });
		expect(page.status).toBe(429);
	});

	it('a real invite still works from a place that guessed nothing', async () => {
		const owner = await newAccount('Host');
		const household = await newHousehold(owner.token);
		const invite = await call(`/api/v1/households/${household.id}/invites`, { method: 'POST', token: owner.token, body: { role: 'adult' } });
		const guest = await newAccount('Guest');
		const accepted = await call(`/api/v1/invites/${invite.body.token}/accept`, { method: 'POST', token: guest.token, address: `fresh-${randomUUID()}` });
		expect(accepted.status).toBe(200);
	});
});

describe('sessions', () => {
	it('changing the password ends every other session and keeps this one', async () => {
		const account = await newAccount('Changer');
		const other = (await call('/api/v1/sessions', { method: 'POST', body: { email: account.email, password: account.password } })).body.token;
		expect((await call('/api/v1/me', { token: other })).status).toBe(200);
		const changed = await postForm(
			'/account?/password',
			{ current: account.password, password: 'a different password', confirm: 'a different password' },
			`change-${randomUUID()}`,
			account.token
		);
		expect(changed.status).toBe(200);
		expect((await call('/api/v1/me', { token: other })).status).toBe(401);
		expect((await call('/api/v1/me', { token: account.token })).status).toBe(200);
	});
});

describe('secrets stay out of the log', () => {
	it('no session, reset, invite or access token the server handed out appears in its log', async () => {
		const account = await newAccount('Secretive');
		const household = await newHousehold(account.token);
		const invite = await call(`/api/v1/households/${household.id}/invites`, { method: 'POST', token: account.token, body: { role: 'adult' } });
		const pat = await call('/api/v1/me/tokens', { method: 'POST', token: account.token, body: { name: 'script', password: account.password } });
		await postForm('/reset-password', { email: account.email }, `log-${randomUUID()}`);
		// The reset mail is saved for a self-hoster without SMTP; the token is in it, and only there.
		const mailDir = inject('httpMailDir');
		const resetToken = /\/reset-password\/([a-z2-7]{32})/.exec(await waitForMail(mailDir, account.email))?.[1];
		expect(resetToken).toMatch(/^[a-z2-7]{32}$/);
		// Use each once, so any request logging would have seen them.
		await call('/api/v1/me', { token: pat.body.token });
		await fetch(`${baseUrl()}/reset-password/${resetToken}`);
		await fetch(`${baseUrl()}/invite/${invite.body.token}`);
		// A calendar feed's token travels in the query string, which no line ever holds.
		const feedToken = `feed-secret-${randomUUID()}`;
		await fetch(`${baseUrl()}/households/${household.id}/chores.ics?token=${feedToken}`);
		await new Promise((r) => setTimeout(r, 200));
		const log = readFileSync(inject('httpServerLog'), 'utf8');
		expect(log).toContain('[mail]');
		for (const secret of [account.token, resetToken!, invite.body.token, pat.body.token, feedToken]) expect(log).not.toContain(secret);
		// The requests were logged, with the token in their path masked.
		const lines = log
			.split('\n')
			.filter((line) => line.startsWith('{'))
			.map((line) => JSON.parse(line) as { route?: string; path?: string });
		expect(lines.some((line) => line.route === '/reset-password/[token]' && line.path === '/reset-password/[token]')).toBe(true);
		expect(lines.some((line) => line.route === '/invite/[token]' && line.path === '/invite/[token]')).toBe(true);
		expect(lines.some((line) => line.path === `/households/${household.id}/chores.ics`)).toBe(true);
	});
});

describe('headers and cookies', () => {
	it.each(['/login', '/households', '/api/v1/openapi.json'])('%s: CSP without inline scripts, no framing, no sniffing, a strict referrer', async (path) => {
		const account = await newAccount('Headers');
		const response = await fetch(`${baseUrl()}${path}`, { headers: { cookie: `hearth_session=${account.token}` } });
		expect(response.status).toBe(200);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
		const csp = response.headers.get('content-security-policy');
		if (response.headers.get('content-type')?.includes('text/html')) {
			const scriptSrc = csp!.split(';').find((d) => d.trim().startsWith('script-src'))!;
			expect(scriptSrc).not.toContain('unsafe-inline');
			expect(scriptSrc).not.toContain('unsafe-eval');
			expect(csp).toContain("frame-ancestors 'none'");
			expect(csp).toContain("object-src 'none'");
			expect(csp).toContain("form-action 'self'");
		}
	});

	it('logging out clears the cookie with the same flags and ends the session', async () => {
		const account = await newAccount('Leaver');
		const response = await postForm('/logout', {}, `logout-${randomUUID()}`, account.token);
		expect(response.status).toBe(303);
		const cookie = response.headers.get('set-cookie') ?? '';
		expect(cookie).toMatch(/^hearth_session=;/);
		expect(cookie).toContain('HttpOnly');
		expect(cookie).toContain('SameSite=Lax');
		expect((await call('/api/v1/me', { token: account.token })).status).toBe(401);
	});
});

describe('next after logging in', () => {
	it('never redirects to another site, and a newline in it is no 500', async () => {
		const account = await newAccount('Redirected');
		for (const next of ['/%09/evil.example/x', '/%0A/evil.example', '//evil.example', '/%5Cevil.example']) {
			const response = await postForm(`/login?next=${next}`, { email: account.email, password: account.password }, `next-${randomUUID()}`);
			expect(response.status, next).toBe(303);
			const location = new URL(response.headers.get('location')!, baseUrl());
			expect(location.origin, next).toBe(new URL(baseUrl()).origin);
			const page = await fetch(`${baseUrl()}/login?next=${next}`, { headers: { cookie: `hearth_session=${account.token}` }, redirect: 'manual' });
			expect(page.status, next).toBe(303);
			expect(new URL(page.headers.get('location')!, baseUrl()).origin).toBe(new URL(baseUrl()).origin);
		}
	});
});
