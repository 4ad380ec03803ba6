import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { getDb } from '../db';
import { makeHousehold, makeMember } from '../testing/factories';
import { createExpense } from '../money/expenses';
import { addAbsence } from './absences';
import { removeExpiredDemos } from '../demo/visitor';
import { bumpHouseholdVersion, UNVERSIONED_TABLES, withoutRowBumps } from './household-versions';

const versionOf = async (householdId: string) =>
	Number((await getDb().selectFrom('householdVersions').select('version').where('householdId', '=', householdId).executeTakeFirstOrThrow()).version);

describe('the household data version (migration 18)', () => {
	it('every household table bumps it: a table with household_id and no trigger fails here', async () => {
		const tables = await sql<{ name: string }>`
			select c.table_name as name from information_schema.columns c
			join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
			where c.table_schema = 'public' and c.column_name = 'household_id' and t.table_type = 'BASE TABLE' and c.table_name <> 'household_versions'`.execute(getDb());
		const triggers = await sql<{ name: string; deferred: boolean; fn: string }>`
			select tgrelid::regclass::text as name, tginitdeferred as deferred, tgfoid::regproc::text as fn
			from pg_trigger where tgname like '%bumps_household_version' and not tgisinternal`.execute(getDb());
		const bumping = new Map(triggers.rows.map((t) => [t.name, t]));
		expect(tables.rows.length).toBeGreaterThan(25);
		const versioned = tables.rows.map((t) => t.name).filter((name) => !Object.hasOwn(UNVERSIONED_TABLES, name));
		const missing = versioned.filter((name) => bumping.get(name)?.fn !== 'bump_household_version' || !bumping.get(name)?.deferred);
		expect(missing).toEqual([]);
		// A table left out on purpose really is left out (and really is a household table).
		expect(Object.keys(UNVERSIONED_TABLES).filter((name) => bumping.has(name) || !tables.rows.some((t) => t.name === name))).toEqual([]);
		expect(bumping.get('households')).toMatchObject({ deferred: true, fn: 'bump_own_household_version' });
	});

	it('a write bumps its household once per transaction, at commit; a rolled-back one and another house do not', async () => {
		const house = await makeHousehold('Versioned');
		const other = await makeHousehold('Elsewhere');
		const bea = await makeMember(house, 'Bea');
		const [start, otherStart] = [await versionOf(house.household.id), await versionOf(other.household.id)];
		// Three rows (expense, payer, shares) and an activity entry: one bump.
		await createExpense(house, {
			description: 'Bread',
			amountMinor: 400,
			spentOn: '2026-11-30',
			category: 'groceries',
			payers: [{ memberId: house.member.id, amountMinor: 400 }],
			split: { mode: 'equal', parts: [{ memberId: house.member.id }, { memberId: bea.id }] }
		});
		expect(await versionOf(house.household.id)).toBe(start + 1);
		await addAbsence(house, bea.id, { from: '2026-12-10', to: '2026-12-12' });
		expect(await versionOf(house.household.id)).toBe(start + 2);
		await getDb()
			.transaction()
			.execute(async (trx) => {
				await trx.updateTable('households').set({ name: 'Renamed' }).where('id', '=', house.household.id).execute();
				throw new Error('changed my mind');
			})
			.catch(() => undefined);
		expect(await versionOf(house.household.id)).toBe(start + 2);
		await getDb().updateTable('households').set({ name: 'Renamed' }).where('id', '=', house.household.id).execute();
		expect(await versionOf(house.household.id)).toBe(start + 3);
		expect(await versionOf(other.household.id)).toBe(otherStart);
	});

	it('a statement of many rows bumps once, and a deleted household leaves nothing to bump', async () => {
		const house = await makeHousehold('Many');
		const start = await versionOf(house.household.id);
		await getDb()
			.insertInto('expenseCategories')
			.values(Array.from({ length: 50 }, (_, i) => ({ householdId: house.household.id, key: `k${i}`, name: `Category ${i}` })))
			.execute();
		expect(await versionOf(house.household.id)).toBe(start + 1);
		// A demo house past its day goes, every table's rows in one transaction: the bumps at its commit find no row.
		await getDb()
			.updateTable('households')
			.set({ demo: true, demoExpiresAt: new Date(Date.now() - 1000) })
			.where('id', '=', house.household.id)
			.execute();
		expect(await removeExpiredDemos()).toBeGreaterThan(0);
		expect(await getDb().selectFrom('households').select('id').where('id', '=', house.household.id).execute()).toEqual([]);
		expect(await getDb().selectFrom('householdVersions').selectAll().where('householdId', '=', house.household.id).execute()).toEqual([]);
	});

	it('a bulk writer of a new house turns the row bumps off for its transaction and bumps once itself', async () => {
		const house = await makeHousehold('Bulk');
		const start = await versionOf(house.household.id);
		await getDb()
			.transaction()
			.execute(async (trx) => {
				await withoutRowBumps(trx);
				await trx
					.insertInto('expenseCategories')
					.values(Array.from({ length: 20 }, (_, i) => ({ householdId: house.household.id, key: `b${i}`, name: `Bulk ${i}` })))
					.execute();
				expect(await versionOf(house.household.id)).toBe(start);
				await bumpHouseholdVersion(trx, house.household.id);
			});
		expect(await versionOf(house.household.id)).toBe(start + 1);
		// The setting was the transaction's own: the next write bumps again.
		await getDb().insertInto('expenseCategories').values({ householdId: house.household.id, key: 'after', name: 'After' }).execute();
		expect(await versionOf(house.household.id)).toBe(start + 2);
	});
});
