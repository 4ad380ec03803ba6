/** Reading chores: the list a household's pages and plan start from, and one chore. */
import type { Kysely } from 'kysely';
import { getDb } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import { notFound } from '$lib/server/errors';
import { isUuid } from '$lib/server/ids';
import type { Chore } from '$lib/chores/model';

export type { Chore };

/** Every chore of the household by name (or just `choreId`), each with its participants in turn order. */
export async function listChores(householdId: string, db: Kysely<Database> = getDb(), choreId?: string): Promise<Chore[]> {
	const [rows, participants] = await Promise.all([
		db
			.selectFrom('chores')
			.selectAll()
			.where('householdId', '=', householdId)
			.$if(choreId !== undefined, (q) => q.where('id', '=', choreId!))
			.orderBy('name')
			.execute(),
		db
			.selectFrom('choreParticipants')
			.select(['choreId', 'memberId'])
			.where('householdId', '=', householdId)
			.$if(choreId !== undefined, (q) => q.where('choreId', '=', choreId!))
			.orderBy('position')
			.execute()
	]);
	// One pass over the participants (not a filter per chore): linear in a big house.
	const memberIdsOf = new Map<string, string[]>();
	for (const p of participants) {
		const ids = memberIdsOf.get(p.choreId);
		if (ids) ids.push(p.memberId);
		else memberIdsOf.set(p.choreId, [p.memberId]);
	}
	return rows.map((row) => ({
		id: row.id,
		name: row.name,
		description: row.description,
		effort: row.effort,
		schedule: row.schedule,
		assignment: { strategy: row.strategy, memberIds: memberIdsOf.get(row.id) ?? [] },
		active: row.active,
		version: row.version
	}));
}

/** One chore (404 when it is not this household's); `lock` holds its row for an edit. */
export async function loadChore(db: Kysely<Database>, householdId: string, choreId: string, lock = false): Promise<Chore> {
	if (lock) await db.selectFrom('chores').select('id').where('householdId', '=', householdId).where('id', '=', choreId).forUpdate().executeTakeFirst();
	const [chore] = await listChores(householdId, db, choreId);
	if (!chore) throw notFound('That chore');
	return chore;
}

export async function getChore(householdId: string, choreId: string): Promise<Chore> {
	if (!isUuid(choreId)) throw notFound('That chore');
	return loadChore(getDb(), householdId, choreId);
}
