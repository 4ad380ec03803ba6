/**
 * Fixed-window counters in Postgres, so a limit holds across several app instances.
 * One statement both counts the hit and reads the count: no read-then-write race.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { DomainError } from '$lib/server/errors';
import { m } from '$lib/paraglide/messages';

export interface Limit {
	/** Most hits per window. */
	max: number;
	windowSeconds: number;
	/** Backoff: every try while refused starts the window again, so only stopping for a whole window lets one in. */
	extendWhileRefused?: boolean;
}

export const LIMITS = {
	// Never per account alone: a stranger's wrong passwords or reset requests must not lock
	// someone out of their own account. Per (address, account) and per address instead.
	loginPerAddressAndAccount: { max: 10, windowSeconds: 15 * 60, extendWhileRefused: true },
	loginPerAddress: { max: 50, windowSeconds: 15 * 60, extendWhileRefused: true },
	resetPerAddressAndAccount: { max: 3, windowSeconds: 60 * 60 },
	// Below 20 tries, so a brute force is refused early; a whole house signing up from one
	// network at a house meeting still fits.
	resetPerAddress: { max: 10, windowSeconds: 60 * 60 },
	// SIGNUP_LIMIT_PER_HOUR: raise it when every visitor reaches Hearth from one address
	// (a proxy without ADDRESS_HEADER), or for a test run signing up many people.
	signupPerAddress: { max: Number(process.env.SIGNUP_LIMIT_PER_HOUR ?? 15), windowSeconds: 60 * 60 },
	/** "Try the demo" plants a whole house: a visitor may start a few, a script may not fill the disk. */
	demoPerAddress: { max: Number(process.env.DEMO_LIMIT_PER_HOUR ?? 10), windowSeconds: 60 * 60 },
	/** Wrong invite links only: joining with a real one is never counted. */
	inviteGuessesPerAddress: { max: 10, windowSeconds: 15 * 60 },
	/** Per session or access token. Generous for people and scripts; API_RATE_LIMIT_PER_MINUTE changes it, 0 turns it off. */
	apiPerCredential: { max: Number(process.env.API_RATE_LIMIT_PER_MINUTE ?? 600), windowSeconds: 60 }
} satisfies Record<string, Limit>;

export async function hit(db: Kysely<Database>, key: string, limit: Limit): Promise<{ allowed: boolean; retryAfter: number }> {
	const row = await sql<{ hits: number; windowStartedAt: Date }>`
		insert into rate_limits (key, window_started_at, hits) values (${key}, now(), 1)
		on conflict (key) do update set
			hits = case when rate_limits.window_started_at <= now() - make_interval(secs => ${limit.windowSeconds})
				then 1 else rate_limits.hits + 1 end,
			window_started_at = case when rate_limits.window_started_at <= now() - make_interval(secs => ${limit.windowSeconds})
				then now() when ${limit.extendWhileRefused ?? false} and rate_limits.hits >= ${limit.max} then now() else rate_limits.window_started_at end
		returning hits, window_started_at`.execute(db);
	const { hits, windowStartedAt } = row.rows[0]!;
	const endsAt = new Date(windowStartedAt).getTime() + limit.windowSeconds * 1000;
	return { allowed: hits <= limit.max, retryAfter: Math.max(1, Math.ceil((endsAt - Date.now()) / 1000)) };
}

/** Counts a hit on every key and refuses with 429 when any of them is over its limit. */
export async function enforce(db: Kysely<Database>, checks: Array<[key: string, limit: Limit]>): Promise<void> {
	let retryAfter = 0;
	for (const [key, limit] of checks) {
		const result = await hit(db, key, limit);
		if (!result.allowed) retryAfter = Math.max(retryAfter, result.retryAfter);
	}
	if (retryAfter > 0) {
		const minutes = Math.ceil(retryAfter / 60);
		throw new DomainError(429, 'rate_limited', m.e_rate_limited({ minutes }), {}, retryAfter);
	}
}

export async function clearLimit(db: Kysely<Database>, key: string): Promise<void> {
	await db.deleteFrom('rateLimits').where('key', '=', key).execute();
}
