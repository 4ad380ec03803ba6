import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { makeHouseOfThree } from '../testing/factories';
import { expensesCsv } from './export';

describe('the expense CSV', () => {
	it('streams every expense of a long history, in pages, with each member’s share in their column', async () => {
		const { admin, bea } = await makeHouseOfThree();
		const householdId = admin.household.id;
		const count = 1_234; // more than two of the export's 500-row pages, and a partial last one
		// Bulk rows straight in (as an import writes them): the triggers keep the ledger, the CSV reads them back.
		await sql`
			with made as (
				insert into expenses (household_id, description, amount_minor, spent_on, category, split_mode, split_parts, created_by_member_id)
				select ${householdId}, 'Bread ' || n, 300, date '2020-01-01' + n, 'groceries', 'equal', '[]'::jsonb, ${admin.member.id}
				from generate_series(1, ${count}) n
				returning id
			), paid as (
				insert into expense_payers (household_id, expense_id, member_id, amount_minor) select ${householdId}, id, ${admin.member.id}, 300 from made
			)
			insert into expense_shares (household_id, expense_id, member_id, amount_minor)
			select ${householdId}, id, member_id, 150 from made cross join (values (${admin.member.id}::uuid), (${bea.member.id}::uuid)) m(member_id)`.execute(getDb());

		const reader = (await expensesCsv(admin.household, {})).getReader();
		const pieces: string[] = [];
		for (let r = await reader.read(); !r.done; r = await reader.read()) pieces.push(new TextDecoder().decode(r.value));
		const lines = pieces.join('').trimEnd().split(/\r?\n/);

		expect(pieces.length).toBeGreaterThanOrEqual(4); // the header, then one piece per page
		expect(lines).toHaveLength(count + 1);
		expect(lines[0]).toBe('date,description,category,currency,amount,paid by,owes: Bea,owes: Founder,owes: Kid,notes');
		expect(lines[1]).toBe(`2023-05-19,Bread ${count},Groceries,EUR,3.00,Founder 3.00,1.50,1.50,,`);
		expect(new Set(lines.slice(1).map((l) => l.split(',')[1])).size).toBe(count);
	});
});
