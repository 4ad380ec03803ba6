/** Writes a whole household as one export document (admins). */
import { sql } from 'kysely';
import { getDb } from '$lib/server/db';
import type { MemberContext } from '$lib/server/households/context';
import { EXPORT_FORMAT, EXPORT_VERSION, EXPORTED_TABLES, SEQUENCED_TABLES, type ExportDocument } from './document';

/** Columns never exported: the household (it is the file) and a member's login (it is the person's, not the house's). */
const LEFT_OUT: Partial<Record<string, string[]>> = { members: ['user_id'] };

/** What a ballot says; while a proposal with a hidden count is open, an export holds who voted, not how. */
const BALLOT_COLUMNS = ['position', 'option_ids', 'ranking', 'reason'];
const BALLOT_TABLES = new Set<string>(['votes', 'vote_history']);

export async function exportHousehold(context: MemberContext): Promise<ExportDocument> {
	const db = getDb();
	const householdId = context.household.id;
	const tables = {} as ExportDocument['tables'];
	await db
		.transaction()
		.setIsolationLevel('repeatable read')
		.execute(async (trx) => {
			// One snapshot: a write landing mid-export cannot leave half of itself in the file.
			// Without the camel-case plugin: the file keeps Postgres's own column names, inside JSON values too.
			const raw = trx.withoutPlugins();
			for (const table of EXPORTED_TABLES) {
				const dropped = ['household_id', ...(LEFT_OUT[table] ?? []), ...(SEQUENCED_TABLES.has(table) ? ['id'] : [])];
				const order = SEQUENCED_TABLES.has(table) ? sql`t.id` : sql`(to_jsonb(t) - 'household_id')::text`;
				const { rows } = await sql<{ rows: Array<Record<string, unknown>> }>`
					select coalesce(jsonb_agg((to_jsonb(t) - ${sql.raw(`array[${dropped.map((c) => `'${c}'`).join(', ')}]`)}) order by ${order}), '[]'::jsonb) as rows
					from ${sql.table(table)} t where t.household_id = ${householdId}`.execute(raw);
				tables[table] = rows[0]!.rows;
			}
			const hidden = new Set(
				(
					await trx
						.selectFrom('proposals')
						.select('id')
						.where('householdId', '=', householdId)
						.where('status', '=', 'open')
						.where('hideResults', '=', true)
						.execute()
				).map((p) => p.id)
			);
			for (const table of EXPORTED_TABLES.filter((t) => BALLOT_TABLES.has(t))) {
				tables[table] = tables[table].map((row) =>
					hidden.has(row.proposal_id as string) ? { ...row, ...Object.fromEntries(BALLOT_COLUMNS.map((c) => [c, null])) } : row
				);
			}
		});
	return {
		format: EXPORT_FORMAT,
		version: EXPORT_VERSION,
		exportedAt: new Date().toISOString(),
		exportedByMemberId: context.member.id,
		household: { name: context.household.name, currency: context.household.currency, timezone: context.household.timezone },
		tables
	};
}
