/**
 * `npm run restore FILE`: a backup (format.ts) into a database that holds no Hearth data
 * (or, told to replace, into one that does). The schema is built by the migrations up to the
 * backup's last one, the rows are loaded as they were (triggers and foreign-key checks held
 * off while loading: derived tables such as the balance ledger come from the backup too),
 * every table is checked against the manifest, all in one transaction; then the migrations
 * the backup did not have yet are applied. Nothing is left half-restored.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { createDb } from '$lib/server/db';
import { migrateToLatest, migrateUpTo, migrationNames } from '$lib/server/db/migrate';
import { BACKUP_FORMAT, BACKUP_VERSION, TableDigest, tableFigures, tablesToCopy, type BackupHeader, type Manifest } from './format';

export interface RestoreOptions {
	/** Restore over a database that holds data (everything in it is replaced). */
	replace?: boolean;
}

export interface RestoreSummary {
	createdAt: string;
	tables: Manifest;
	rows: number;
	/** Migrations applied after the rows, for a backup of an older Hearth. */
	upgradedWith: string[];
}

export class RestoreRefused extends Error {}

const BATCH = 500;

export async function restoreBackup(connectionString: string, file: string, options: RestoreOptions = {}): Promise<RestoreSummary> {
	// The whole file is read and checked against its manifest before anything is changed.
	const checked = await openBackup(file);
	await readTables(checked.lines);
	const { header } = checked;
	const known = await migrationNames();
	const unknown = header.migrations.filter((name) => !known.includes(name));
	if (unknown.length) throw new RestoreRefused(`This backup was made by a newer Hearth (migrations ${unknown.join(', ')}): upgrade first, then restore.`);

	const client = new pg.Client({ connectionString });
	await client.connect();
	try {
		if (!options.replace) await refuseIfHoldsData(client);
		await client.query('begin; set local session_replication_role = replica; rollback').catch(async (error: Error) => {
			await client.query('rollback').catch(() => undefined);
			throw new RestoreRefused(`Restoring needs a superuser, or SET on session_replication_role granted to this user (${error.message}).`);
		});
		// A clean schema at the backup's version: forward-only migrations cannot go back from a later one.
		await client.query('drop schema public cascade; create schema public');
		await withKysely(connectionString, (db) => migrateUpTo(db, header.migrations.at(-1)!));
		await client.query("begin; set local timezone = 'UTC'; set local session_replication_role = replica");
		const { lines } = await openBackup(file);
		const manifest = await readTables(lines, async (table, rows) => {
			await client.query(`insert into "${table}" overriding system value select * from json_populate_recordset(null::"${table}", $1::json)`, [
				`[${rows.join(',')}]`
			]);
		});
		for (const table of (await tablesToCopy(client)).filter((t) => t.identity)) {
			await client.query(`select setval(pg_get_serial_sequence($1, $2), coalesce((select max("${table.identity}") from "${table.name}"), 0) + 1, false)`, [
				table.name,
				table.identity
			]);
		}
		const wrong = differing(manifest, await tableFigures(client));
		if (wrong.length) throw new RestoreRefused(`The restored tables differ from the backup's manifest (${wrong.join(', ')}): nothing was restored.`);
		await client.query('commit');
		const upgradedWith = await withKysely(connectionString, (db) => migrateToLatest(db));
		const rows = Object.values(manifest).reduce((sum, t) => sum + t.rows, 0);
		return { createdAt: header.createdAt, tables: manifest, rows, upgradedWith };
	} catch (error) {
		await client.query('rollback').catch(() => undefined);
		throw error;
	} finally {
		await client.end();
	}
}

function readHeader(line: string | undefined): BackupHeader {
	const header = line?.startsWith('@') ? (JSON.parse(line.slice(1)) as Partial<BackupHeader>) : undefined;
	if (header?.format !== BACKUP_FORMAT || !Array.isArray(header.migrations) || header.migrations.length === 0)
		throw new RestoreRefused('This is not a Hearth instance backup (made by `npm run backup`).');
	if (header.version !== BACKUP_VERSION) throw new RestoreRefused(`Backup format ${header.version} is not one this Hearth reads (${BACKUP_VERSION}).`);
	return header as BackupHeader;
}

async function refuseIfHoldsData(client: pg.Client): Promise<void> {
	for (const table of await tablesToCopy(client)) {
		const { rowCount } = await client.query(`select 1 from "${table.name}" limit 1`);
		if (rowCount)
			throw new RestoreRefused(`The database already holds data (${table.name}): restore into an empty one, or pass --replace to overwrite everything in it.`);
	}
}

/**
 * Reads the file's tables after its header, hands each batch of row lines to `load` (when
 * given), and checks every table's count and hash against the file's own manifest.
 */
async function readTables(lines: AsyncIterator<string>, load?: (table: string, rows: string[]) => Promise<void>): Promise<Manifest> {
	const counted: Manifest = {};
	let table: string | undefined;
	let digest = new TableDigest();
	let batch: string[] = [];
	const flush = async () => {
		if (table && batch.length) await load?.(table, batch);
		batch = [];
	};
	for (let next = await lines.next(); !next.done; next = await lines.next()) {
		const line = next.value;
		if (!line.startsWith('@')) {
			if (!table) throw new RestoreRefused('The backup file is damaged (rows before any table).');
			digest.add(line);
			batch.push(line);
			if (batch.length >= BATCH) await flush();
			continue;
		}
		await flush();
		if (table) counted[table] = digest.figures();
		const control = JSON.parse(line.slice(1)) as { table?: string; manifest?: Manifest };
		if (control.manifest) {
			const differs = differing(control.manifest, counted);
			if (differs.length)
				throw new RestoreRefused(`The backup file is damaged: the rows of ${differs.join(', ')} do not match its manifest. Nothing was restored.`);
			return control.manifest;
		}
		table = control.table;
		digest = new TableDigest();
	}
	throw new RestoreRefused('The backup file is incomplete (it has no manifest): nothing was restored.');
}

function differing(expected: Manifest, actual: Manifest): string[] {
	return Object.keys({ ...expected, ...actual }).filter((name) => JSON.stringify(expected[name]) !== JSON.stringify(actual[name]));
}

/** The file's lines; the header is checked and returned first. */
async function openBackup(file: string): Promise<{ header: BackupHeader; lines: AsyncIterator<string> }> {
	const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })[Symbol.asyncIterator]();
	return { header: readHeader((await lines.next()).value), lines };
}

async function withKysely<T>(connectionString: string, run: (db: Kysely<unknown>) => Promise<T>): Promise<T> {
	const db = createDb(connectionString, 1) as unknown as Kysely<unknown>;
	try {
		return await run(db);
	} finally {
		await db.destroy();
	}
}
