/**
 * What a load balancer asks each instance before sending it requests (`GET /healthz`):
 * the database answers, and it has every migration this build was made with. An instance
 * started from a newer build than the database's schema (or an older one whose migrations
 * are not all there) is kept out until they agree.
 */
import { sql } from 'kysely';
import { getDb } from '$lib/server/db';
import { isDatabaseUnreachable } from '$lib/server/db/unreachable';
import { isDraining } from '$lib/server/draining';

/** The migrations this build knows, by name (the file names in migrations/, read when it was built). */
export const BUILT_MIGRATIONS: readonly string[] = Object.keys(import.meta.glob('/migrations/*.ts'))
	.map((path) => path.replace(/^.*\//, '').replace(/\.ts$/, ''))
	.sort();

export interface Health {
	ok: boolean;
	database: 'reachable' | 'unreachable';
	/** Migrations of this build the database has not applied. */
	missingMigrations: string[];
	/** Told to stop: finishing what is in flight, and asking for no new requests. */
	stopping: boolean;
}

export async function checkHealth(expected: readonly string[] = BUILT_MIGRATIONS): Promise<Health> {
	try {
		const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(getDb());
		const applied = new Set(rows.map((row) => row.name));
		const missingMigrations = expected.filter((name) => !applied.has(name));
		const stopping = isDraining();
		return { ok: missingMigrations.length === 0 && !stopping, database: 'reachable', missingMigrations, stopping };
	} catch (error) {
		if (!isDatabaseUnreachable(error)) throw error;
		return { ok: false, database: 'unreachable', missingMigrations: [], stopping: isDraining() };
	}
}
