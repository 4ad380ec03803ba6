import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { getDb, statementName } from './index';

describe('named statements', () => {
	it('a parameterised query is prepared once on its connection and reused by name', async () => {
		const rows = await getDb()
			.connection()
			.execute(async (connection) => {
				const query = () => connection.selectFrom('households').select('id').where('name', '=', 'No such house').limit(1);
				await query().execute();
				await query().execute();
				const compiled = query().compile();
				const prepared = await sql<{ name: string; calls: string }>`select name, generic_plans + custom_plans as calls from pg_prepared_statements`.execute(
					connection
				);
				return { prepared: prepared.rows, name: statementName(compiled.sql) };
			});
		expect(rows.name).toMatch(/^h[0-9a-f]{24}$/);
		const mine = rows.prepared.find((p) => p.name === rows.name);
		// Parsed once, executed twice on this connection.
		expect(Number(mine?.calls)).toBe(2);
	});

	it('names only reads and writes, the same name for the same text', () => {
		expect(statementName('select 1 where $1 = 1')).toBe(statementName('select 1 where $1 = 1'));
		expect(statementName('select 2 where $1 = 1')).not.toBe(statementName('select 1 where $1 = 1'));
		expect(statementName('create table x (id int)')).toBeUndefined();
	});
});
