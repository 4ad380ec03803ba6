/**
 * "Try the demo": each visitor gets a Maple Street House of their own, signed in as
 * Priya (an admin), to change as they like without meeting anyone else's changes. Both
 * the house and the visitor's account are deleted a day later (`removeExpiredDemos`).
 */
import { SESSION_USER_COLUMNS } from '$lib/server/auth/sessions';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { getDb } from '$lib/server/db';
import { startSession, type NewSession } from '$lib/server/auth/accounts';
import { enforce, LIMITS } from '$lib/server/auth/rate-limit';
import { plantDemoHouse } from './seed';

export const DEMO_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** On with HEARTH_DEMO=1 (`npm run dev` sets it); a public instance decides for itself. */
export function demoEnabled(): boolean {
	return process.env.HEARTH_DEMO === '1';
}

export async function startDemo(address: string): Promise<NewSession & { householdId: string }> {
	const db = getDb();
	await enforce(db, [[`demo:address:${address}`, LIMITS.demoPerAddress]]);
	const expiresAt = new Date(Date.now() + DEMO_LIFETIME_MS);
	const visitor = await db
		.insertInto('users')
		// No password can match '!': the account is reachable only through this session.
		.values({ email: `visitor-${randomBytes(9).toString('hex')}@demo.invalid`, displayName: 'Priya', passwordHash: '!', demoExpiresAt: expiresAt })
		.returning(SESSION_USER_COLUMNS)
		.executeTakeFirstOrThrow();
	const householdId = await plantDemoHouse(new Map([['Priya', visitor]]), expiresAt);
	return { ...(await startSession({ ...visitor, lastHouseholdId: householdId })), householdId };
}

/**
 * Deletes demo houses (and visitors' accounts) past their day: every household table's
 * rows, children before parents, in one transaction per house. Returns how many went.
 */
export async function removeExpiredDemos(now = new Date()): Promise<number> {
	const db = getDb();
	const expired = await db.selectFrom('households').select('id').where('demo', '=', true).where('demoExpiresAt', '<', now).limit(100).execute();
	const tables = expired.length ? await householdTablesChildrenFirst() : [];
	for (const { id } of expired) {
		await db.transaction().execute(async (trx) => {
			for (const table of tables) await sql`delete from ${sql.table(table)} where household_id = ${id}`.execute(trx);
			await trx.deleteFrom('households').where('id', '=', id).execute();
		});
	}
	// A visitor's sessions go with the account (on delete cascade).
	await db
		.deleteFrom('users')
		.where('demoExpiresAt', '<', now)
		.where(({ not, exists, selectFrom }) => not(exists(selectFrom('members').select('members.id').whereRef('members.userId', '=', 'users.id'))))
		.execute();
	return expired.length;
}

/** Every table with a household_id, ordered so a table comes before the tables it references. */
async function householdTablesChildrenFirst(): Promise<string[]> {
	const db = getDb();
	const tables = await sql<{ table: string }>`
		select c.table_name as table from information_schema.columns c
		join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
		where c.table_schema = current_schema() and c.column_name = 'household_id' and c.table_name <> 'households'`.execute(db);
	const references = await sql<{ child: string; parent: string }>`
		select distinct child.relname as child, parent.relname as parent from pg_constraint k
		join pg_class child on child.oid = k.conrelid join pg_class parent on parent.oid = k.confrelid
		where k.contype = 'f' and child.relnamespace = current_schema()::regnamespace and child.oid <> parent.oid`.execute(db);
	const names = new Set(tables.rows.map((row) => row.table));
	const parentsOf = new Map<string, string[]>();
	for (const { child, parent } of references.rows) if (names.has(child) && names.has(parent)) parentsOf.set(child, [...(parentsOf.get(child) ?? []), parent]);
	// Depth-first: a table is listed after every table that references it.
	const childrenOf = new Map<string, string[]>();
	for (const [child, parents] of parentsOf) for (const parent of parents) childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), child]);
	const ordered: string[] = [];
	const placed = new Set<string>();
	const place = (table: string) => {
		if (placed.has(table)) return;
		placed.add(table);
		for (const child of childrenOf.get(table) ?? []) place(child);
		ordered.push(table);
	};
	for (const table of [...names].sort()) place(table);
	return ordered;
}
