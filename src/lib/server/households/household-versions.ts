/**
 * The household's data version (migration 18) for the few writers that bypass its
 * triggers: a bulk write of a household nobody can have seen yet (seeding the big house)
 * turns the per-row triggers off for its transaction and bumps the version once at the end.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';

/** Inside `trx`: the household tables' rows written from here on queue no version bump. */
export async function withoutRowBumps(trx: Kysely<Database>): Promise<void> {
	await sql`select set_config('hearth.bulk_write', 'on', true)`.execute(trx);
}

/** The bump the triggers would have made: once, at the end of the bulk write's transaction. */
export async function bumpHouseholdVersion(trx: Kysely<Database>, householdId: string): Promise<void> {
	await trx
		.updateTable('householdVersions')
		.set((eb) => ({ version: eb('version', '+', 1) }))
		.where('householdId', '=', householdId)
		.execute();
}
