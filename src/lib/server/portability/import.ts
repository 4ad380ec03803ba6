/**
 * Imports an export document as a new household, in one transaction: checked first
 * (references, sums), then written table by table with the ids it carries (every key
 * includes the household, so they cannot collide), so balances, the chore calendar,
 * fairness and tallies come out as they were. The importer takes the place of the
 * member who exported it (or joins as a new admin).
 */
import { DatabaseError } from 'pg';
import { sql, type Kysely } from 'kysely';
import { getDb } from '$lib/server/db';
import type { Database } from '$lib/server/db/schema';
import { DomainError } from '$lib/server/errors';
import { logActivity } from '$lib/server/activity/log';
import type { SessionUser } from '$lib/server/auth/sessions';
import { EXPORTED_TABLES, DERIVED_COLUMNS, SEQUENCED_TABLES, type ExportDocument, type ExportedTable } from './document';
import { findProblem } from './check';
import { upgradeDocument } from './upgrades';
import { m } from '$lib/paraglide/messages';

const refuse = (reason: string) => new DomainError(422, 'invalid_export', m.x_nothing_imported({ reason }), { file: m.x_nothing_imported({ reason }) });

const columnsCache = new Map<string, string[]>();

/** The columns an import writes: all but the household, sequence-made ids, derived columns and a member's login. */
async function importedColumns(db: Kysely<Database>, table: ExportedTable): Promise<string[]> {
	const cached = columnsCache.get(table);
	if (cached) return cached;
	const { rows } = await sql<{ column_name: string }>`
		select column_name from information_schema.columns
		where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db.withoutPlugins());
	const skip = new Set([
		'household_id',
		...(table === 'members' ? ['user_id'] : []),
		...(DERIVED_COLUMNS[table] ?? []),
		...(SEQUENCED_TABLES.has(table) ? ['id'] : [])
	]);
	const columns = rows.map((r) => r.column_name).filter((c) => !skip.has(c));
	columnsCache.set(table, columns);
	return columns;
}

export async function importHousehold(user: SessionUser, file: ExportDocument, name?: string): Promise<{ householdId: string }> {
	const doc = upgradeDocument(file);
	const problem = findProblem(doc);
	if (problem) throw refuse(problem);
	const db = getDb();
	return db.transaction().execute(async (trx) => {
		const household = await trx
			.insertInto('households')
			.values({
				name: name?.trim() || doc.household.name,
				currency: doc.household.currency,
				timezone: doc.household.timezone,
				locale: doc.household.locale ?? 'en'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		for (const table of EXPORTED_TABLES) {
			const rows = doc.tables[table];
			if (rows.length === 0) continue;
			const columns = await importedColumns(trx, table);
			const list = sql.join(columns.map((c) => sql.ref(c)));
			const values = sql.join(columns.map((c) => sql.ref(`r.${c}`)));
			try {
				// Rows in file order, so renumbered ids (activity, vote history) keep their sequence.
				await sql`
					insert into ${sql.table(table)} (household_id, ${list})
					select ${household.id}::uuid, ${values}
					from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) with ordinality as e(doc, n)
					cross join lateral jsonb_populate_record(null::${sql.table(table)}, e.doc) as r
					order by e.n`.execute(trx.withoutPlugins());
			} catch (error) {
				if (error instanceof DatabaseError && /^2[23]/.test(error.code ?? '')) throw refuse(m.x_rows_misfit({ table, detail: error.message }));
				throw error;
			}
		}
		await claimPlace(trx, household.id, user, doc);
		return { householdId: household.id };
	});
}

/** The importer takes the exporting member's place, as its admin; otherwise joins as a new admin. */
async function claimPlace(trx: Kysely<Database>, householdId: string, user: SessionUser, doc: ExportDocument): Promise<void> {
	const exporter = doc.tables.members.find((m) => m.id === doc.exportedByMemberId && m.role === 'adult' && m.active === true);
	let memberId: string;
	if (exporter) {
		memberId = String(exporter.id);
		await trx.updateTable('members').set({ userId: user.id, isAdmin: true }).where('householdId', '=', householdId).where('id', '=', memberId).execute();
	} else {
		memberId = (
			await trx
				.insertInto('members')
				.values({ householdId, displayName: user.displayName, role: 'adult', isAdmin: true, userId: user.id })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	}
	await trx.updateTable('users').set({ lastHouseholdId: householdId }).where('id', '=', user.id).execute();
	await logActivity(trx, {
		householdId,
		actorMemberId: memberId,
		action: 'household.imported',
		subjectType: 'household',
		subjectId: householdId,
		facts: { actor: user.displayName, exportedAt: doc.exportedAt ?? '' }
	});
}
