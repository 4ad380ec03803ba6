/**
 * Ready to shard by household (issue 20, docs/SCALING.md): reads PostgreSQL's catalog and
 * fails for any table that could not be a Citus distributed table on household_id, or a
 * reference table. A new table or key that breaks the rule fails here, naming it.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { getDb } from '../db';
import { COORDINATOR_TABLES, DISTRIBUTION_COLUMN, REFERENCE_TABLES } from './sharding';

interface TableRow {
	name: string;
	distributedBy: string | null;
	distributionType: string | null;
}

async function tables(): Promise<TableRow[]> {
	const { rows } = await sql<TableRow>`
		select c.relname as name,
			case when c.relname = 'households' then 'id' when a.attname is not null then a.attname end as "distributedBy",
			format_type(coalesce(a.atttypid, h.atttypid), null) as "distributionType"
		from pg_class c
		join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
		left join pg_attribute a on a.attrelid = c.oid and a.attname = ${DISTRIBUTION_COLUMN} and not a.attisdropped
		left join pg_attribute h on h.attrelid = c.oid and c.relname = 'households' and h.attname = 'id'
		where c.relkind in ('r', 'p')
		order by 1`.execute(getDb());
	return rows;
}

/** Unique indexes (primary keys, unique constraints, exclusion constraints) and whether they hold the distribution column. */
async function uniqueKeysWithout(): Promise<string[]> {
	const { rows } = await sql<{ key: string }>`
		select c.relname || '.' || i.indexrelid::regclass::text as key
		from pg_index i
		join pg_class c on c.oid = i.indrelid
		join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
		join pg_attribute d on d.attrelid = c.oid and not d.attisdropped
			and d.attname = case when c.relname = 'households' then 'id' else ${DISTRIBUTION_COLUMN} end
		where (i.indisunique or i.indisexclusion) and not d.attnum = any(i.indkey)
		order by 1`.execute(getDb());
	return rows.map((r) => r.key);
}

interface ForeignKey {
	name: string;
	from: string;
	to: string;
	pairs: Array<[string, string]>;
}

async function foreignKeys(): Promise<ForeignKey[]> {
	const { rows } = await sql<ForeignKey>`
		select con.conname as name, con.conrelid::regclass::text as "from", con.confrelid::regclass::text as "to",
			array(select json_build_array(fa.attname, ta.attname)
				from unnest(con.conkey, con.confkey) as k(f, t)
				join pg_attribute fa on fa.attrelid = con.conrelid and fa.attnum = k.f
				join pg_attribute ta on ta.attrelid = con.confrelid and ta.attnum = k.t) as pairs
		from pg_constraint con
		join pg_namespace n on n.oid = con.connamespace and n.nspname = 'public'
		where con.contype = 'f'
		order by 2, 1`.execute(getDb());
	return rows;
}

describe('the schema is ready to shard by household (Citus)', () => {
	it('every table is a household table, a reference table or the migrator’s', async () => {
		const all = await tables();
		const known = new Set<string>([...REFERENCE_TABLES, ...COORDINATOR_TABLES]);
		const unplaced = all.filter((t) => t.distributedBy === null && !known.has(t.name)).map((t) => t.name);
		expect(unplaced).toEqual([]);
		// Listed as a reference table but holding household_id: it belongs to a household.
		expect(all.filter((t) => t.distributedBy !== null && known.has(t.name)).map((t) => t.name)).toEqual([]);
		// Colocated tables must share the distribution column's type.
		expect(new Set(all.filter((t) => t.distributedBy).map((t) => t.distributionType))).toEqual(new Set(['uuid']));
		expect(all.filter((t) => t.distributedBy).length).toBeGreaterThan(40);
	});

	it('every primary key, unique key and exclusion constraint of a household table holds household_id', async () => {
		const distributed = new Set((await tables()).filter((t) => t.distributedBy).map((t) => t.name));
		const missing = (await uniqueKeysWithout()).filter((key) => distributed.has(key.split('.')[0]!));
		expect(missing).toEqual([]);
		const withoutPrimaryKey = await sql<{ name: string }>`
			select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
			where c.relkind = 'r' and not exists (select 1 from pg_index i where i.indrelid = c.oid and i.indisprimary)`.execute(getDb());
		expect(withoutPrimaryKey.rows.map((r) => r.name).filter((name) => distributed.has(name))).toEqual([]);
	});

	it('every foreign key between household tables joins on household_id, and no reference table points into a household', async () => {
		expect(await brokenForeignKeys()).toEqual([]);
	});

	it('the check itself fails for a table that breaks the rule', async () => {
		// A key of its own (not per household) and a foreign key that joins a member of some other household: both are caught.
		await sql`create table shard_probe (household_id uuid not null references households(id), id uuid not null, code text unique,
			other_household_id uuid, member_id uuid, primary key (household_id, id),
			foreign key (other_household_id, member_id) references members(household_id, id))`.execute(getDb());
		try {
			expect(await uniqueKeysWithout()).toContain('shard_probe.shard_probe_code_key');
			expect(await brokenForeignKeys()).toEqual([`shard_probe.shard_probe_other_household_id_member_id_fkey → members: not joined on household_id`]);
		} finally {
			await sql`drop table shard_probe`.execute(getDb());
		}
	});
});

async function brokenForeignKeys(): Promise<string[]> {
	const byName = new Map((await tables()).map((t) => [t.name, t]));
	const broken: string[] = [];
	for (const key of await foreignKeys()) {
		const from = byName.get(key.from);
		const to = byName.get(key.to);
		if (!from?.distributedBy) {
			if (to?.distributedBy) broken.push(`${key.from}.${key.name}: a reference table points into a household table`);
			continue;
		}
		// A household table may point at a reference table (a member's user account) freely.
		if (!to?.distributedBy) continue;
		const colocated = key.pairs.some(([fromColumn, toColumn]) => fromColumn === from.distributedBy && toColumn === to.distributedBy);
		if (!colocated) broken.push(`${key.from}.${key.name} → ${key.to}: not joined on ${DISTRIBUTION_COLUMN}`);
	}
	return broken;
}
