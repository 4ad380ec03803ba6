/**
 * The household's data version (migration 18) for the few writers that bypass its
 * triggers: a bulk write of a household nobody can have seen yet (seeding the big house)
 * turns the per-row triggers off for its transaction and bumps the version once at the end.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';

/**
 * Household tables whose writes are not a change of the house's data, and why: no page
 * kept in the household cache shows them. They have no version trigger (the catalog test
 * holds every other household table to one), so a delivery or a "mark read" does not make
 * every member's pages be computed again.
 */
export const UNVERSIONED_TABLES: Record<string, string> = {
	notification_events: 'each person’s notifications: read fresh (the bell, the notification centre), never from the cache',
	notifications: 'each person’s delivery and reading state: read fresh, never from the cache',
	notification_preferences: 'each person’s choices of what reaches them: read fresh'
};

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
