import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { getDb } from '$lib/server/db';
import { DomainError, pgErrorCode } from '$lib/server/errors';
import { requireMailOrigin } from '$lib/server/origin';
import { runLater } from '$lib/server/later';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords';
import { clearLimit, enforce, LIMITS } from './rate-limit';
import { createSession, generateSessionToken, invalidateUserSessions, SESSION_USER_COLUMNS, type SessionUser } from './sessions';
import { hashToken } from './tokens';
import type { Locale } from '$lib/i18n/locales';
import { getLocale } from '$lib/paraglide/runtime';
import { revokeAllAccessTokens } from './access-tokens';
import type { SignUpInput } from './schemas';
import { m } from '$lib/paraglide/messages';

export interface NewSession {
	token: string;
	expiresAt: Date;
	user: SessionUser;
}

export async function signUp(input: SignUpInput, address: string): Promise<NewSession> {
	const db = getDb();
	await enforce(db, [[`signup:address:${address}`, LIMITS.signupPerAddress]]);
	const passwordHash = await hashPassword(input.password);
	try {
		const user = await db
			.insertInto('users')
			.values({ email: input.email, displayName: input.displayName, passwordHash })
			.returning(SESSION_USER_COLUMNS)
			.executeTakeFirstOrThrow();
		return startSession(user);
	} catch (error) {
		if (pgErrorCode(error) === '23505') {
			throw new DomainError(409, 'email_taken', m.e_email_taken(), {
				email: m.e_email_taken_field()
			});
		}
		throw error;
	}
}

export async function startSession(user: SessionUser): Promise<NewSession> {
	const token = generateSessionToken();
	const session = await createSession(getDb(), token, user.id);
	return { token, expiresAt: session.expiresAt, user };
}

/**
 * Rate limited per (address, account) and per address before the password is even looked
 * at: someone else's wrong passwords never refuse the right one from another address.
 */
export async function logIn(email: string, password: string, address: string): Promise<NewSession> {
	const db = getDb();
	const accountKey = `login:address-account:${address}:${email}`;
	await enforce(db, [
		[accountKey, LIMITS.loginPerAddressAndAccount],
		[`login:address:${address}`, LIMITS.loginPerAddress]
	]);
	const user = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
	if (!user) await burnPasswordCheck(password);
	if (!user || !(await verifyPassword(user.passwordHash, password))) {
		throw new DomainError(401, 'wrong_credentials', m.e_wrong_credentials(), {
			password: m.e_wrong_credentials()
		});
	}
	await clearLimit(db, accountKey);
	return startSession(user);
}

/**
 * What a new password ends: every session (but, optionally, the one changing it), every
 * access token and every reset link still unused. Whoever knew the old password, or held
 * something it made, is out.
 */
async function endEverySignIn(trx: Kysely<Database>, userId: string, keepSessionId?: string): Promise<void> {
	await invalidateUserSessions(trx, userId, keepSessionId);
	await revokeAllAccessTokens(trx, userId);
	await trx.updateTable('passwordResets').set({ usedAt: new Date() }).where('userId', '=', userId).where('usedAt', 'is', null).execute();
}

/** Ends every other session and every access token: whoever knew the old password is logged out everywhere. */
export async function changePassword(userId: string, sessionId: string, current: string, next: string): Promise<void> {
	const db = getDb();
	const user = await db.selectFrom('users').select('passwordHash').where('id', '=', userId).executeTakeFirstOrThrow();
	if (!(await verifyPassword(user.passwordHash, current))) {
		throw new DomainError(422, 'wrong_password', m.e_wrong_current(), { current: m.e_not_current() });
	}
	const passwordHash = await hashPassword(next);
	await db.transaction().execute(async (trx) => {
		await trx.updateTable('users').set({ passwordHash }).where('id', '=', userId).execute();
		await endEverySignIn(trx, userId, sessionId);
	});
}

/**
 * Always answers the same way and in the same time, so the form does not reveal which
 * emails have accounts: the account is looked up and the mail sent by a job.
 * Throttled per (address, email) and per address, never per account alone: a stranger's
 * requests cannot use up someone's resets.
 */
export async function requestPasswordReset(email: string, address: string): Promise<void> {
	const db = getDb();
	requireMailOrigin();
	await enforce(db, [
		[`reset:address-account:${address}:${email}`, LIMITS.resetPerAddressAndAccount],
		[`reset:address:${address}`, LIMITS.resetPerAddress]
	]);
	await runLater('password-reset', { email, locale: getLocale() });
}

export async function findUsableReset(token: string): Promise<{ userId: string } | null> {
	const row = await getDb()
		.selectFrom('passwordResets')
		.select('userId')
		.where('tokenHash', '=', hashToken(token))
		.where('usedAt', 'is', null)
		.where('expiresAt', '>', new Date())
		.executeTakeFirst();
	return row ?? null;
}

/** Single use: the token is spent in the same statement that checks it. Ends every session and access token. */
export async function resetPassword(token: string, password: string, address: string): Promise<NewSession> {
	const db = getDb();
	await enforce(db, [[`reset:address:${address}`, LIMITS.resetPerAddress]]);
	const passwordHash = await hashPassword(password);
	const userId = await db.transaction().execute(async (trx) => {
		const spent = await trx
			.updateTable('passwordResets')
			.set({ usedAt: new Date() })
			.where('tokenHash', '=', hashToken(token))
			.where('usedAt', 'is', null)
			.where('expiresAt', '>', new Date())
			.returning('userId')
			.executeTakeFirst();
		if (!spent) {
			throw new DomainError(410, 'reset_expired', m.e_reset_expired());
		}
		await trx.updateTable('users').set({ passwordHash }).where('id', '=', spent.userId).execute();
		await endEverySignIn(trx, spent.userId);
		return spent.userId;
	});
	const user = await db.selectFrom('users').select(SESSION_USER_COLUMNS).where('id', '=', userId).executeTakeFirstOrThrow();
	return startSession(user);
}

/** An account's language (null: the browser's, wherever it logs in). */
export async function setAccountLocale(userId: string, locale: Locale | null): Promise<void> {
	await getDb().updateTable('users').set({ locale }).where('id', '=', userId).execute();
}
