/**
 * Personal access tokens: long-lived secrets for scripts, one per purpose, usable as
 * `Authorization: Bearer` on /api/v1 only. The token is shown once; the database keeps
 * its SHA-256 hash, as it does for sessions.
 */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { getDb } from '$lib/server/db';
import { DomainError, forbidden, notFound } from '$lib/server/errors';
import { verifyPassword } from './passwords';
import { isUuid } from '$lib/server/ids';
import type { SessionUser } from './sessions';
import { generateToken, hashToken } from './tokens';
import { m } from '$lib/paraglide/messages';

/** Tells a personal access token from a session token at a glance (and to secret scanners). */
export const ACCESS_TOKEN_PREFIX = 'hearth_pat_';

/** Last use is written at most this often, so a busy script does not write on every call. */
const LAST_USED_PRECISION_MS = 60_000;

export interface AccessToken {
	id: string;
	name: string;
	createdAt: string;
	lastUsedAt: string | null;
}

/**
 * Made only from a browser or API session, with the account's password typed again: a
 * stolen token cannot mint more tokens, and a session left open cannot either.
 * `credential` is how the request signed in (`session:…` or `token:…`).
 */
export async function createAccessToken(userId: string, name: string, password: string, credential: string | null): Promise<AccessToken & { token: string }> {
	if (!credential?.startsWith('session:')) throw forbidden(m.e_token_needs_session());
	const user = await getDb().selectFrom('users').select('passwordHash').where('id', '=', userId).executeTakeFirstOrThrow();
	if (!(await verifyPassword(user.passwordHash, password)))
		throw new DomainError(422, 'wrong_password', m.e_not_your_password(), { password: m.e_not_your_password() });
	const token = ACCESS_TOKEN_PREFIX + generateToken();
	const row = await getDb()
		.insertInto('accessTokens')
		.values({ userId, name, tokenHash: hashToken(token) })
		.returning(['id', 'name', 'createdAt'])
		.executeTakeFirstOrThrow();
	return { id: row.id, name: row.name, createdAt: row.createdAt.toISOString(), lastUsedAt: null, token };
}

/** The user's live tokens, newest first. */
export async function listAccessTokens(userId: string): Promise<AccessToken[]> {
	const rows = await getDb()
		.selectFrom('accessTokens')
		.select(['id', 'name', 'createdAt', 'lastUsedAt'])
		.where('userId', '=', userId)
		.where('revokedAt', 'is', null)
		.orderBy('createdAt', 'desc')
		.execute();
	return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.createdAt.toISOString(), lastUsedAt: r.lastUsedAt?.toISOString() ?? null }));
}

export async function revokeAccessToken(userId: string, tokenId: string): Promise<void> {
	if (!isUuid(tokenId)) throw notFound(m.thing_token);
	const result = await getDb()
		.updateTable('accessTokens')
		.set({ revokedAt: new Date() })
		.where('userId', '=', userId)
		.where('id', '=', tokenId)
		.where('revokedAt', 'is', null)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) === 0) throw notFound(m.thing_token);
}

/** Every token of the account stops working (a password change or reset). */
export async function revokeAllAccessTokens(db: Kysely<Database>, userId: string): Promise<void> {
	await db.updateTable('accessTokens').set({ revokedAt: new Date() }).where('userId', '=', userId).where('revokedAt', 'is', null).execute();
}

export async function validateAccessToken(db: Kysely<Database>, token: string): Promise<{ tokenId: string; user: SessionUser } | null> {
	const row = await db
		.selectFrom('accessTokens')
		.innerJoin('users', 'users.id', 'accessTokens.userId')
		.select(['accessTokens.id as tokenId', 'accessTokens.lastUsedAt', 'users.id', 'users.email', 'users.displayName', 'users.lastHouseholdId', 'users.locale'])
		.where('accessTokens.tokenHash', '=', hashToken(token))
		.where('accessTokens.revokedAt', 'is', null)
		.executeTakeFirst();
	if (!row) return null;
	if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
		await db.updateTable('accessTokens').set({ lastUsedAt: new Date() }).where('id', '=', row.tokenId).execute();
	}
	const { tokenId, lastUsedAt: _lastUsedAt, ...user } = row;
	return { tokenId, user };
}
