import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { changePassword, logIn, requestPasswordReset, resetPassword } from './accounts';
import { SESSION_LIFETIME_MS, createSession, generateSessionToken, invalidateSession, validateSessionToken } from './sessions';
import { hashToken } from './tokens';
import { makeUser, PASSWORD } from '../testing/factories';
import { DomainError } from '../errors';
import { captureLog } from '../testing/log-capture';

const DAY = 86_400_000;

describe('sessions', () => {
	it('stores only the SHA-256 of the token', async () => {
		const { user, token } = await makeUser();
		const row = await getDb().selectFrom('sessions').selectAll().where('userId', '=', user.id).executeTakeFirstOrThrow();
		expect(row.id).toBe(hashToken(token));
		expect(row.id).not.toContain(token);
	});

	it('expires after 30 days and deletes the expired session', async () => {
		const { user } = await makeUser();
		const token = generateSessionToken();
		const session = await createSession(getDb(), token, user.id);
		expect(session.expiresAt.getTime() - Date.now()).toBeGreaterThan(SESSION_LIFETIME_MS - 60_000);
		const later = new Date(session.expiresAt.getTime() + 1000);
		expect((await validateSessionToken(getDb(), token, later)).session).toBeNull();
		expect(await getDb().selectFrom('sessions').select('id').where('id', '=', session.id).executeTakeFirst()).toBeUndefined();
	});

	it('slides the expiry forward once fewer than 15 days remain, not before', async () => {
		const { user } = await makeUser();
		const token = generateSessionToken();
		const session = await createSession(getDb(), token, user.id);
		const tenDaysOn = new Date(Date.now() + 10 * DAY);
		const early = await validateSessionToken(getDb(), token, tenDaysOn);
		expect(early.session?.expiresAt.getTime()).toBe(session.expiresAt.getTime());
		expect(early.renewed).toBe(false);
		const twentyDaysOn = new Date(Date.now() + 20 * DAY);
		const renewed = await validateSessionToken(getDb(), token, twentyDaysOn);
		expect(renewed.session?.expiresAt.getTime()).toBe(twentyDaysOn.getTime() + SESSION_LIFETIME_MS);
		expect(renewed.renewed).toBe(true);
		const stored = await getDb().selectFrom('sessions').select('expiresAt').where('id', '=', session.id).executeTakeFirstOrThrow();
		expect(stored.expiresAt.getTime()).toBe(twentyDaysOn.getTime() + SESSION_LIFETIME_MS);
	});

	it('stops working after logout', async () => {
		const { token, user } = await makeUser();
		const { session } = await validateSessionToken(getDb(), token);
		expect(session?.userId).toBe(user.id);
		await invalidateSession(getDb(), session!.id);
		expect((await validateSessionToken(getDb(), token)).user).toBeNull();
	});

	it('rejects an unknown token', async () => {
		expect((await validateSessionToken(getDb(), generateSessionToken())).session).toBeNull();
	});
});

describe('passwords', () => {
	it('changing the password ends every other session but the current one', async () => {
		const { user, token } = await makeUser();
		const other = await logIn(user.email, PASSWORD, 'addr-a');
		const current = await validateSessionToken(getDb(), token);
		await changePassword(user.id, current.session!.id, PASSWORD, 'a brand new password');
		expect((await validateSessionToken(getDb(), token)).user?.id).toBe(user.id);
		expect((await validateSessionToken(getDb(), other.token)).user).toBeNull();
		await expect(logIn(user.email, PASSWORD, 'addr-b')).rejects.toMatchObject({ status: 401 });
		await expect(logIn(user.email, 'a brand new password', 'addr-b')).resolves.toBeTruthy();
	});

	it('refuses a wrong current password and keeps the old one', async () => {
		const { user, token } = await makeUser();
		const current = await validateSessionToken(getDb(), token);
		await expect(changePassword(user.id, current.session!.id, 'not it at all', 'whatever1234')).rejects.toMatchObject({ status: 422 });
		await expect(logIn(user.email, PASSWORD, 'addr-c')).resolves.toBeTruthy();
	});

	it('a reset link works once, within the hour, and logs out everywhere', async () => {
		const { user, token } = await makeUser();
		// Without SMTP the mail is saved as a file (never logged): read the link from there.
		const mailDir = mkdtempSync(join(tmpdir(), 'hearth-mail-'));
		process.env.MAIL_DIR = mailDir;
		const logged = captureLog();
		process.env.ORIGIN = 'http://hearth.test';
		try {
			await requestPasswordReset(user.email, 'addr-d');
			// The lookup and the mail are a job's (here, work run right after the answer): wait
			// until the mail is written whole (up to 10 s: CI's two cores may be busy).
			const written = () => readdirSync(mailDir).some((name) => readFileSync(join(mailDir, name), 'utf8').includes('/reset-password/'));
			for (let i = 0; i < 500 && !written(); i++) await new Promise((r) => setTimeout(r, 20));
		} finally {
			delete process.env.ORIGIN;
			logged.restore();
			delete process.env.MAIL_DIR;
		}
		const mail = readdirSync(mailDir)
			.map((name) => readFileSync(join(mailDir, name), 'utf8'))
			.join('\n');
		const resetToken = mail.match(/http:\/\/hearth\.test\/reset-password\/([a-z2-7]+)/)?.[1];
		// The mail's line was written (naming the file), and holds no token.
		expect(logged.text()).toContain('[mail]');
		expect(logged.text()).not.toContain(resetToken);
		expect(resetToken).toBeTruthy();
		await resetPassword(resetToken!, 'fresh password 42', 'addr-d');
		expect((await validateSessionToken(getDb(), token)).user).toBeNull();
		await expect(resetPassword(resetToken!, 'another password 42', 'addr-d')).rejects.toMatchObject({ status: 410 });
		await expect(logIn(user.email, 'fresh password 42', 'addr-e')).resolves.toBeTruthy();
	});

	it('an expired reset link is refused', async () => {
		const { user } = await makeUser();
		const token = 'a'.repeat(32);
		await getDb()
			.insertInto('passwordResets')
			.values({ tokenHash: hashToken(token), userId: user.id, expiresAt: new Date(Date.now() - 1000) })
			.execute();
		await expect(resetPassword(token, 'fresh password 42', 'addr-f')).rejects.toMatchObject({ status: 410 });
	});
});

describe('login rate limit', () => {
	it('answers 429 with a retry time after 10 attempts on one account from one address, even with the right password', async () => {
		const { user } = await makeUser();
		for (let i = 0; i < 10; i++) await expect(logIn(user.email, 'wrong password', 'addr-same')).rejects.toMatchObject({ status: 401 });
		const refused = await logIn(user.email, PASSWORD, 'addr-same').catch((error: unknown) => error);
		expect(refused).toBeInstanceOf(DomainError);
		expect(refused).toMatchObject({ status: 429 });
		expect((refused as DomainError).retryAfter).toBeGreaterThan(0);
		expect((refused as DomainError).message).toMatch(/try again in \d+ minutes?/i);
		// The owner, from their own address, is not refused because someone else failed.
		await expect(logIn(user.email, PASSWORD, 'addr-owner')).resolves.toBeTruthy();
	});

	it('backs off: trying on while refused keeps the address refused', async () => {
		const { user } = await makeUser();
		for (let i = 0; i < 10; i++) await logIn(user.email, 'wrong password', 'addr-keen').catch(() => null);
		// Move the window's start back as if 14 of its 15 minutes had passed; one more try starts it again.
		await getDb()
			.updateTable('rateLimits')
			.set({ windowStartedAt: new Date(Date.now() - 14 * 60_000) })
			.where('key', '=', `login:address-account:addr-keen:${user.email}`)
			.execute();
		const refused = (await logIn(user.email, 'wrong password', 'addr-keen').catch((e: unknown) => e)) as DomainError;
		expect(refused.status).toBe(429);
		expect(refused.retryAfter).toBeGreaterThan(14 * 60);
	});

	it('limits one address across many accounts', async () => {
		let refused = 0;
		for (let i = 0; i < 55; i++) {
			const error = await logIn(`nobody-${i}@test.example`, 'wrong password', 'one-address').then(
				() => null,
				(e: unknown) => e as DomainError
			);
			if (!error) continue;
			if (error.status === 429) refused++;
		}
		expect(refused).toBe(5);
	});

	it('counts correctly when hit in parallel (state in Postgres, no lost updates)', async () => {
		const { user } = await makeUser();
		const results = await Promise.allSettled(Array.from({ length: 16 }, () => logIn(user.email, 'wrong password', 'par-address')));
		const statuses = results.map((r) => (r.status === 'rejected' ? (r.reason as DomainError).status : 201));
		expect(statuses.filter((s) => s === 429)).toHaveLength(6);
	});
});

describe('password reset links', () => {
	it('are never built from the request: without ORIGIN no mail is sent and the page says why (503)', async () => {
		const { user } = await makeUser();
		const before = { origin: process.env.ORIGIN, dev: process.env.HEARTH_DEV_ORIGIN };
		delete process.env.ORIGIN;
		delete process.env.HEARTH_DEV_ORIGIN;
		const logged = captureLog();
		try {
			await expect(requestPasswordReset(user.email, 'addr-no-origin')).rejects.toMatchObject({
				status: 503,
				fields: { form: expect.stringContaining('ORIGIN') }
			});
		} finally {
			logged.restore();
			Object.assign(process.env, before.origin ? { ORIGIN: before.origin } : {}, before.dev ? { HEARTH_DEV_ORIGIN: before.dev } : {});
		}
		expect(logged.text()).toContain('ORIGIN');
		expect(await getDb().selectFrom('passwordResets').select('userId').where('userId', '=', user.id).execute()).toEqual([]);
	});

	it('take the same work for a known and an unknown address: the lookup is a job’s', async () => {
		const { user } = await makeUser();
		process.env.ORIGIN = 'http://hearth.test';
		process.env.MAIL_DIR = mkdtempSync(join(tmpdir(), 'hearth-mail-'));
		try {
			// Answered before any reset row exists: nothing about the account was looked at yet.
			await requestPasswordReset(user.email, 'addr-timing');
			expect(await getDb().selectFrom('passwordResets').select('userId').where('userId', '=', user.id).execute()).toEqual([]);
			await requestPasswordReset('nobody-here@test.example', 'addr-timing');
			await new Promise((r) => setTimeout(r, 200));
		} finally {
			delete process.env.ORIGIN;
			delete process.env.MAIL_DIR;
		}
	});
});

describe('a new password', () => {
	it('also spends every reset link still unused: an old link no longer works after a change', async () => {
		const { user, token } = await makeUser();
		const link = 'b'.repeat(32);
		await getDb()
			.insertInto('passwordResets')
			.values({ tokenHash: hashToken(link), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) })
			.execute();
		const session = await validateSessionToken(getDb(), token);
		await changePassword(user.id, session.session!.id, PASSWORD, 'a changed password 7');
		await expect(resetPassword(link, 'attacker password 9', 'addr-g')).rejects.toMatchObject({ status: 410 });
	});
});
