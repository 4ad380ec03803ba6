/**
 * Gets a migrated database ready for a process that serves or seeds: the server named by
 * DATABASE_URL, or else the embedded PostgreSQL with its data under `.data/`.
 */
import type { Kysely } from 'kysely';
import pg from 'pg';
import { createDb } from './index';
import { startEmbeddedPostgres } from './embedded';
import { migrateToLatest } from './migrate';

export interface PreparedDatabase {
	url: string;
	embedded: boolean;
	stop(): Promise<void>;
}

export interface PrepareOptions {
	/** Folder of the embedded cluster; `HEARTH_DATA_DIR` or `.data/postgres` by default. */
	dataDir?: string;
	/** Start from an empty embedded cluster. */
	fresh?: boolean;
	databaseName?: string;
	log?: (line: string) => void;
	/** false: leave the schema as it is (a backup reads it as it is; a restore builds its own). */
	migrate?: boolean;
}

export async function prepareDatabase(options: PrepareOptions = {}): Promise<PreparedDatabase> {
	const log = options.log ?? ((line: string) => console.log(line));
	let url = process.env.DATABASE_URL;
	let stop = async () => {};
	const embedded = !url;
	if (!url) {
		const server = await startEmbeddedPostgres({
			dataDir: options.dataDir ?? process.env.HEARTH_DATA_DIR ?? '.data/postgres',
			fresh: options.fresh,
			log: process.env.HEARTH_DB_LOG ? log : undefined
		});
		const name = options.databaseName ?? 'hearth';
		await ensureDatabase(server.serverUrl, name);
		url = withDatabase(server.serverUrl, name);
		stop = server.stop;
		log(`Embedded PostgreSQL ready (database "${name}").`);
	}
	if (options.migrate === false) return { url, embedded, stop };
	const db = createDb(url, 2);
	try {
		const applied = await migrateToLatest(db as unknown as Kysely<unknown>);
		if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);
	} finally {
		await db.destroy();
	}
	return { url, embedded, stop };
}

export function withDatabase(serverUrl: string, database: string): string {
	const url = new URL(serverUrl);
	url.pathname = `/${database}`;
	return url.toString();
}

export async function ensureDatabase(serverUrl: string, name: string, template?: string): Promise<void> {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
		if (!rowCount) {
			const from = template ? ` template ${pg.escapeIdentifier(template)}` : '';
			await client.query(`create database ${pg.escapeIdentifier(name)}${from}`);
		}
	} catch (error) {
		// Two processes may race to create it; the loser finds it there, which is all we want.
		if ((error as { code?: string }).code !== '42P04') throw error;
	} finally {
		await client.end();
	}
}
