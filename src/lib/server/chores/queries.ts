/** Reading chores: the list a household's pages and plan start from, and one chore. */
import type { Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { getDb } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import { notFound } from '$lib/server/errors';
import { isUuid } from '$lib/server/ids';
import type { Chore } from '$lib/chores/model';
import { m } from '$lib/paraglide/messages';

export type { Chore };

/** Every chore of the household by name, each with its participants in turn order. */
export const listChores = (householdId: string) => choresOf(getDb(), householdId);

/** The same read with `db` (inside a transaction), or just `choreId`. */
export async function choresOf(db: Kysely<Database>, householdId: string, choreId?: string): Promise<Chore[]> {
	const rows = await db
		.selectFrom('chores')
		.selectAll()
		// Who takes part, in turn order, nested in the chore's own row: one statement.
		.select((eb) =>
			jsonArrayFrom(
				eb
					.selectFrom('choreParticipants')
					.select('memberId')
					.whereRef('householdId', '=', 'chores.householdId')
					.whereRef('choreId', '=', 'chores.id')
					.orderBy('position')
			).as('participants')
		)
		.where('householdId', '=', householdId)
		.$if(choreId !== undefined, (q) => q.where('id', '=', choreId!))
		.orderBy('name')
		.execute();
	return rows.map((row) => ({
		id: row.id,
		name: row.name,
		description: row.description,
		effort: row.effort,
		schedule: row.schedule,
		assignment: { strategy: row.strategy, memberIds: row.participants.map((p) => p.memberId) },
		active: row.active,
		version: row.version
	}));
}

/** One chore (404 when it is not this household's); `lock` holds its row for an edit. */
export async function loadChore(db: Kysely<Database>, householdId: string, choreId: string, lock = false): Promise<Chore> {
	if (lock) await db.selectFrom('chores').select('id').where('householdId', '=', householdId).where('id', '=', choreId).forUpdate().executeTakeFirst();
	const [chore] = await choresOf(db, householdId, choreId);
	if (!chore) throw notFound(m.thing_chore);
	return chore;
}

export async function getChore(householdId: string, choreId: string): Promise<Chore> {
	if (!isUuid(choreId)) throw notFound(m.thing_chore);
	return loadChore(getDb(), householdId, choreId);
}
