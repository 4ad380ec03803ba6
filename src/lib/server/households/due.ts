/**
 * When a household's background work (catch-up.ts) next falls due, brought forward by a
 * write that makes work due sooner. Apart from the step itself, so the domains that call
 * it (a proposal, a booking) are not imported back by the step that runs them.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';

/** For writes that make work due sooner (a proposal closing in an hour): brings the due time forward. */
export async function dueBy(db: Kysely<Database>, householdId: string, at: Date): Promise<void> {
	await db
		.insertInto('householdCatchUp')
		.values({ householdId, dueAt: at })
		.onConflict((oc) => oc.column('householdId').doUpdateSet({ dueAt: sql`least(household_catch_up.due_at, excluded.due_at)` }))
		.execute();
}
