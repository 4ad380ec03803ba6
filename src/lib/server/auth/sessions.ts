/**
 * Sessions the Lucia way: the client holds a random token, the database holds its
 * SHA-256 as the session id, 30 days that slide forward when under 15 remain.
 */
import type { Kysely } from 'kysely';
import type { Database, Session, User } from '$lib/server/db/schema';
import { generateToken, hashToken } from './tokens';

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
const RENEW_WHEN_UNDER_MS = 15 * DAY_MS;
export const SESSION_COOKIE = 'hearth_session';

/** What a request knows of who is calling: the columns every login, session and token reads. */
export const SESSION_USER_COLUMNS = ['id', 'email', 'displayName', 'lastHouseholdId', 'locale'] as const;
export type SessionUser = Pick<User, (typeof SESSION_USER_COLUMNS)[number]>;
export type SessionValidation = { session: Session; user: SessionUser; renewed: boolean } | { session: null; user: null; renewed: false };

export function generateSessionToken(): string {
	return generateToken();
}

export async function createSession(db: Kysely<Database>, token: string, userId: string): Promise<Session> {
	return db
		.insertInto('sessions')
		.values({ id: hashToken(token), userId, expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS) })
		.returningAll()
		.executeTakeFirstOrThrow();
}

export async function validateSessionToken(db: Kysely<Database>, token: string, now = new Date()): Promise<SessionValidation> {
	const row = await db
		.selectFrom('sessions')
		.innerJoin('users', 'users.id', 'sessions.userId')
		.select(['sessions.id', 'sessions.userId', 'sessions.expiresAt', 'sessions.createdAt'])
		.select(['users.email', 'users.displayName', 'users.lastHouseholdId', 'users.locale'])
		.where('sessions.id', '=', hashToken(token))
		.executeTakeFirst();
	if (!row) return { session: null, user: null, renewed: false };
	const session: Session = { id: row.id, userId: row.userId, expiresAt: row.expiresAt, createdAt: row.createdAt };
	if (now.getTime() >= session.expiresAt.getTime()) {
		await db.deleteFrom('sessions').where('id', '=', session.id).execute();
		return { session: null, user: null, renewed: false };
	}
	const renewed = session.expiresAt.getTime() - now.getTime() < RENEW_WHEN_UNDER_MS;
	if (renewed) {
		session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
		await db.updateTable('sessions').set({ expiresAt: session.expiresAt }).where('id', '=', session.id).execute();
	}
	const user = { id: row.userId, email: row.email, displayName: row.displayName, lastHouseholdId: row.lastHouseholdId, locale: row.locale };
	return { session, user, renewed };
}

export async function invalidateSession(db: Kysely<Database>, sessionId: string): Promise<void> {
	await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user but, optionally, the one making the request. */
export async function invalidateUserSessions(db: Kysely<Database>, userId: string, keepSessionId?: string): Promise<void> {
	let query = db.deleteFrom('sessions').where('userId', '=', userId);
	if (keepSessionId) query = query.where('id', '!=', keepSessionId);
	await query.execute();
}
