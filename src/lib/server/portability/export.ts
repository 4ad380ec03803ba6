/**
 * Writes a whole household as one export document (admins), as JSON text a few hundred
 * rows at a time: read from one snapshot through a cursor, so a house with years of
 * history never sits whole in the server's memory.
 */
import { sql } from 'kysely';
import { getDb } from '$lib/server/db';
import type { MemberContext } from '$lib/server/households/context';
import { collectText } from '$lib/server/streams';
import { EXPORT_FORMAT, EXPORT_VERSION, EXPORTED_TABLES, DERIVED_COLUMNS, SEQUENCED_TABLES, type ExportDocument } from './document';

/**
 * Columns never exported: the household (it is the file), a member's login (it is the
 * person's, not the house's) and what triggers rebuild on import.
 */
const LEFT_OUT: Partial<Record<string, string[]>> = { ...DERIVED_COLUMNS, members: ['user_id'] };

/** What a ballot says; while a proposal with a hidden count is open, an export holds who voted, not how. */
const BALLOT_COLUMNS = ['position', 'option_ids', 'ranking', 'reason'];
const BALLOT_TABLES = new Set<string>(['votes', 'vote_history']);

/** Rows fetched from the cursor per piece of text. */
const ROWS_PER_PIECE = 500;

/** The export document's JSON text, in pieces (join them for the whole file). */
export async function* exportText(context: MemberContext): AsyncGenerator<string> {
	const householdId = context.household.id;
	// One snapshot: a write landing mid-export cannot leave half of itself in the file.
	const trx = await getDb().startTransaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute();
	let finished = false;
	try {
		// Without the camel-case plugin: the file keeps Postgres's own column names, inside JSON values too.
		const raw = trx.withoutPlugins();
		const hidden = (
			await trx
				.selectFrom('proposals')
				.select('id')
				.where('householdId', '=', householdId)
				.where('status', '=', 'open')
				.where('hideResults', '=', true)
				.execute()
		).map((p) => p.id);
		const head: Omit<ExportDocument, 'tables'> = {
			format: EXPORT_FORMAT,
			version: EXPORT_VERSION,
			exportedAt: new Date().toISOString(),
			exportedByMemberId: context.member.id,
			household: { name: context.household.name, currency: context.household.currency, timezone: context.household.timezone, locale: context.household.locale }
		};
		yield `${JSON.stringify(head).slice(0, -1)},\n"tables":{`;
		for (const [index, table] of EXPORTED_TABLES.entries()) {
			const dropped = ['household_id', ...(LEFT_OUT[table] ?? []), ...(SEQUENCED_TABLES.has(table) ? ['id'] : [])];
			const order = SEQUENCED_TABLES.has(table) ? sql`t.id` : sql`(to_jsonb(t) - 'household_id')::text`;
			const blanked = BALLOT_TABLES.has(table)
				? sql`|| case when t.proposal_id = any(${hidden}::uuid[]) then ${JSON.stringify(Object.fromEntries(BALLOT_COLUMNS.map((c) => [c, null])))}::jsonb else '{}'::jsonb end`
				: sql``;
			await sql`declare export_rows no scroll cursor for
				select ((to_jsonb(t) - ${sql.raw(`array[${dropped.map((c) => `'${c}'`).join(', ')}]`)}) ${blanked})::text as row
				from ${sql.table(table)} t where t.household_id = ${householdId} order by ${order}`.execute(raw);
			yield `${index ? ',' : ''}\n"${table}":[`;
			for (let first = true; ; first = false) {
				const { rows } = await sql<{ row: string }>`fetch forward ${sql.raw(String(ROWS_PER_PIECE))} from export_rows`.execute(raw);
				if (rows.length === 0) break;
				yield `${first ? '' : ','}\n${rows.map((r) => r.row).join(',\n')}`;
			}
			await sql`close export_rows`.execute(raw);
			yield ']';
		}
		yield '}}\n';
		await trx.commit().execute();
		finished = true;
	} finally {
		// The reader went away (or a read failed): end the snapshot and give the connection back.
		if (!finished) await trx.rollback().execute();
	}
}

/** The whole document at once: for callers that check or transform it (tests, the round trip). */
export async function exportHousehold(context: MemberContext): Promise<ExportDocument> {
	return JSON.parse(await collectText(exportText(context))) as ExportDocument;
}
