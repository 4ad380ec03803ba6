/**
 * The instance backup and restore (issue 21): a backup restores into a new database with
 * every table identical, while writes go on; a damaged file or a database with data is
 * refused before anything changes; an older backup restores and is upgraded.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDb, createDb } from '../db';
import { withDatabase } from '../db/bootstrap';
import { migrateUpTo, migrationNames } from '../db/migrate';
import { seedDemoHousehold, DEMO_PASSWORD } from '../demo/seed';
import { verifyPassword } from '../auth/passwords';
import { makeHousehold, makeMember } from '../testing/factories';
import { createExpense } from '../money/expenses';
import { balancesFromHistory, getBalances } from '../money/balances';
import { equalExpense } from '../testing/bodies';
import { onTestServer } from '../testing/server-admin';
import { writeBackup } from './backup';
import { restoreBackup, RestoreRefused } from './restore';
import { beginSnapshot, tableFigures, type Manifest } from './format';

const folder = mkdtempSync(join(tmpdir(), 'hearth-backup-'));
const serverUrl = inject('serverUrl');
const made: string[] = [];

const admin = (statement: string) => onTestServer(serverUrl, statement);

/** A new, empty database (no schema yet), removed after the file's tests. */
async function emptyDatabase(): Promise<string> {
	const name = `hearth_restore_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
	await admin(`create database ${name}`);
	made.push(name);
	return withDatabase(serverUrl, name);
}

async function figuresOf(url: string): Promise<Manifest> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await beginSnapshot(client);
		return await tableFigures(client);
	} finally {
		await client.end();
	}
}

/** Runs `read` with the app's database pointed at `url` (domain functions read getDb()). */
async function onDatabase<T>(url: string, read: () => Promise<T>): Promise<T> {
	const own = process.env.DATABASE_URL;
	await closeDb();
	process.env.DATABASE_URL = url;
	try {
		return await read();
	} finally {
		await closeDb();
		process.env.DATABASE_URL = own;
	}
}

let source: string;

beforeAll(async () => {
	source = process.env.DATABASE_URL!;
	await seedDemoHousehold();
	const house = await makeHousehold('Generated House');
	const bea = await makeMember(house, 'Bea');
	for (let i = 0; i < 40; i++) await createExpense(house, equalExpense(house.member.id, [house.member.id, bea.id], 1000 + i, `Shop ${i}`));
});

afterAll(async () => {
	await closeDb();
	for (const name of made) await admin(`drop database if exists ${name} with (force)`);
});

describe('an instance backup', () => {
	it('restores into a new database with every table identical, and people log in with their passwords', async () => {
		const file = join(folder, 'whole.backup.gz');
		const summary = await writeBackup(source, file);
		expect(Object.keys(summary.tables).length).toBeGreaterThan(45);
		expect(summary.tables.expenses!.rows).toBeGreaterThan(40);
		expect(summary.bytes).toBeGreaterThan(1000);
		const target = await emptyDatabase();
		const restored = await restoreBackup(target, file);
		expect(restored.upgradedWith).toEqual([]);
		expect(restored.tables).toEqual(summary.tables);
		expect(await figuresOf(target)).toEqual(await figuresOf(source));
		const restoredDb = createDb(target, 1);
		const [priya] = await restoredDb.selectFrom('users').select('passwordHash').where('email', '=', 'priya@maple.example').execute();
		await restoredDb.destroy();
		expect(await verifyPassword(priya!.passwordHash, DEMO_PASSWORD)).toBe(true);
	});

	it('taken during a burst of writes, restores a consistent state: no expense without its shares, the ledger equal to a recount', async () => {
		const house = await makeHousehold('Busy House');
		const bea = await makeMember(house, 'Bea');
		let writing = true;
		const writers = Array.from({ length: 4 }, async () => {
			let n = 0;
			while (writing) await createExpense(house, equalExpense(house.member.id, [house.member.id, bea.id], 700 + n++));
		});
		await new Promise((done) => setTimeout(done, 200));
		const file = join(folder, 'busy.backup.gz');
		await writeBackup(source, file);
		writing = false;
		await Promise.all(writers);
		const target = await emptyDatabase();
		await restoreBackup(target, file);
		const check = new pg.Client({ connectionString: target });
		await check.connect();
		try {
			const unmatched = await check.query(`
				select e.id from expenses e
				where e.fund_id is null and (
					e.amount_minor <> (select coalesce(sum(s.amount_minor), 0) from expense_shares s where s.household_id = e.household_id and s.expense_id = e.id)
					or e.amount_minor <> (select coalesce(sum(p.amount_minor), 0) from expense_payers p where p.household_id = e.household_id and p.expense_id = e.id))`);
			expect(unmatched.rows).toEqual([]);
			expect((await check.query('select count(*)::int as n from expenses where household_id = $1', [house.household.id])).rows[0].n).toBeGreaterThan(0);
		} finally {
			await check.end();
		}
		await onDatabase(target, async () => {
			const ledger = Object.fromEntries((await getBalances(house.household.id)).balances.map((b) => [b.memberId, b.netMinor]));
			const recount = Object.fromEntries([...(await balancesFromHistory(house.household.id))].map(([id, net]) => [id, net]));
			expect(ledger).toEqual({ ...Object.fromEntries(Object.keys(ledger).map((id) => [id, 0])), ...recount });
		});
	});

	it('refuses a database that holds data, unless told to replace it', async () => {
		const file = join(folder, 'again.backup.gz');
		await writeBackup(source, file);
		const target = await emptyDatabase();
		await restoreBackup(target, file);
		await expect(restoreBackup(target, file)).rejects.toThrow(/already holds data/);
		await expect(restoreBackup(target, file, { replace: true })).resolves.toMatchObject({ upgradedWith: [] });
		expect(await figuresOf(target)).toEqual(await figuresOf(source));
	});

	it('refuses a damaged or incomplete file before changing anything', async () => {
		const file = join(folder, 'good.backup.gz');
		await writeBackup(source, file);
		const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
		const expenses = lines.indexOf('@{"table":"expenses"}');
		const row = lines.findIndex((line, i) => i > expenses && line.includes('"Shop 7"'));
		expect(expenses > 0 && row > expenses).toBe(true);
		const damaged = join(folder, 'damaged.backup.gz');
		writeFileSync(damaged, gzipSync(lines.map((line, i) => (i === row ? line.replace('Shop 7', 'Shop 8') : line)).join('\n')));
		const cut = join(folder, 'cut.backup.gz');
		writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
		const target = await emptyDatabase();
		await expect(restoreBackup(target, damaged)).rejects.toThrow(RestoreRefused);
		await expect(restoreBackup(target, damaged)).rejects.toThrow(/the rows of expenses do not match its manifest/);
		await expect(restoreBackup(target, cut)).rejects.toThrow(/incomplete/);
		const client = new pg.Client({ connectionString: target });
		await client.connect();
		const tables = await client.query(`select count(*)::int as n from pg_tables where schemaname = 'public'`);
		await client.end();
		expect(tables.rows[0].n).toBe(0);
	});

	it('restores a backup of an older Hearth and applies the migrations it did not have', async () => {
		const older = await emptyDatabase();
		const db = createDb(older, 1);
		await migrateUpTo(db as never, '2026-12-02-26-house-funds');
		await db.destroy();
		const client = new pg.Client({ connectionString: older });
		await client.connect();
		await client.query(
			`insert into households (id, name, currency, timezone) values ('00000000-0000-4000-8000-000000000001', 'Old House', 'EUR', 'Europe/Berlin')`
		);
		await client.end();
		const file = join(folder, 'older.backup.gz');
		const summary = await writeBackup(older, file);
		expect(summary.migrations.at(-1)).toBe('2026-12-02-26-house-funds');
		const target = await emptyDatabase();
		const restored = await restoreBackup(target, file);
		const known = await migrationNames();
		expect(restored.upgradedWith).toEqual(known.slice(known.indexOf('2026-12-02-26-house-funds') + 1));
		expect(restored.upgradedWith).toContain('2026-12-03-29-household-keys');
		const check = new pg.Client({ connectionString: target });
		await check.connect();
		const house = await check.query(`select name from households`);
		await check.end();
		expect(house.rows).toEqual([{ name: 'Old House' }]);
	});
});
