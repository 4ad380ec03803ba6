/**
 * The instance backup file (`npm run backup`, `npm run restore`): gzip-compressed lines.
 * The first line is the header (`@` and JSON: the format, when, the migrations applied);
 * then each table as a line `@{"table":…}` followed by its rows, one PostgreSQL
 * `row_to_json` text a line, in primary-key order; the last line is the manifest (rows and
 * a SHA-256 of the row lines, per table). Rows are written and read by PostgreSQL's own
 * JSON conversion, so every type comes back as it was, with no dump tool needed (the
 * embedded PostgreSQL has no pg_dump).
 */
import { createHash, type Hash } from 'node:crypto';
import type pg from 'pg';

export const BACKUP_FORMAT = 'hearth-instance-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
	format: typeof BACKUP_FORMAT;
	version: number;
	createdAt: string;
	/** The migrations the database had, in order: a restore builds the schema up to the last one first. */
	migrations: string[];
}

export interface TableFigures {
	rows: number;
	sha256: string;
}

export type Manifest = Record<string, TableFigures>;

export interface BackupSummary {
	file: string;
	bytes: number;
	migrations: string[];
	tables: Manifest;
}

/** Kysely's own bookkeeping is rebuilt by migrating, not copied. */
const NOT_COPIED = new Set(['kysely_migration', 'kysely_migration_lock']);

export interface TableShape {
	name: string;
	/** The primary key's columns: the order rows are written and checked in. */
	key: string[];
	/** Its identity column, whose sequence a restore moves past the largest value. */
	identity: string | null;
}

/** Every table of the schema that a backup copies, in name order. */
export async function tablesToCopy(client: pg.ClientBase): Promise<TableShape[]> {
	const { rows } = await client.query<TableShape>(`
		select c.relname as name,
			array(select a.attname from unnest(i.indkey) with ordinality k(attnum, n)
				join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum order by k.n)::text[] as key,
			(select a.attname from pg_attribute a where a.attrelid = c.oid and a.attidentity <> '' and not a.attisdropped limit 1) as identity
		from pg_class c
		join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
		join pg_index i on i.indrelid = c.oid and i.indisprimary
		where c.relkind = 'r'
		order by c.relname`);
	return rows.filter((table) => !NOT_COPIED.has(table.name));
}

/** The statement that reads a table as backup lines, in key order (the same text for writing and for checking). */
export function rowsQuery(table: TableShape): string {
	const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
	return `select row_to_json(t)::text as line from ${quote(table.name)} t order by ${table.key.map((k) => `t.${quote(k)}`).join(', ')}`;
}

/** Counts and hashes a table's row lines as they go by. */
export class TableDigest {
	rows = 0;
	private readonly hash: Hash = createHash('sha256');
	add(line: string): void {
		this.rows++;
		this.hash.update(line).update('\n');
	}
	figures(): TableFigures {
		return { rows: this.rows, sha256: this.hash.digest('hex') };
	}
}

/**
 * The figures of every copied table as the database holds them now, read with a cursor in
 * one snapshot: what a backup's manifest says, and what a restore is checked against.
 */
export async function tableFigures(client: pg.ClientBase, each?: (table: TableShape, line: string | null) => Promise<void>): Promise<Manifest> {
	const manifest: Manifest = {};
	for (const table of await tablesToCopy(client)) {
		const digest = new TableDigest();
		await each?.(table, null);
		await client.query(`declare backup_rows no scroll cursor for ${rowsQuery(table)}`);
		for (;;) {
			const { rows } = await client.query<{ line: string }>('fetch 2000 from backup_rows');
			for (const { line } of rows) {
				digest.add(line);
				await each?.(table, line);
			}
			if (rows.length < 2000) break;
		}
		await client.query('close backup_rows');
		manifest[table.name] = digest.figures();
	}
	return manifest;
}

/** A session that reads one consistent, unchanging snapshot, with times written the same way each time. */
export async function beginSnapshot(client: pg.ClientBase): Promise<void> {
	await client.query('begin isolation level repeatable read, read only');
	await client.query("set local timezone = 'UTC'");
	await client.query("set local datestyle = 'ISO'");
}

/** hearth-2026-12-03T10-12-00Z.backup.gz: sorts by time, and is safe in every file system. */
export function backupFileName(at: Date): string {
	return `hearth-${at.toISOString().slice(0, 19).replaceAll(':', '-')}Z.backup.gz`;
}
