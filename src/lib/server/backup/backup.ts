/**
 * `npm run backup`: the whole instance in one file (format.ts), read in one snapshot
 * (REPEATABLE READ, read only) while the app goes on serving. Written beside its final name
 * first and renamed when complete, so a backup that failed never looks like one.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { BACKUP_FORMAT, BACKUP_VERSION, beginSnapshot, tableFigures, type BackupHeader, type BackupSummary } from './format';

export async function writeBackup(connectionString: string, file: string): Promise<BackupSummary> {
	const partial = `${file}.partial`;
	const gzip = createGzip();
	const written = pipeline(gzip, createWriteStream(partial));
	const write = async (line: string) => {
		if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
	};
	const client = new pg.Client({ connectionString });
	await client.connect();
	try {
		await beginSnapshot(client);
		const { rows: schema } = await client.query<{ found: string | null }>(`select to_regclass('kysely_migration')::text as found`);
		if (!schema[0]?.found) throw new Error('This database has no Hearth schema yet: nothing to back up.');
		const migrations = (await client.query<{ name: string }>('select name from kysely_migration order by name')).rows.map((r) => r.name);
		const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), migrations };
		await write(`@${JSON.stringify(header)}`);
		const tables = await tableFigures(client, (table, line) => write(line ?? `@${JSON.stringify({ table: table.name })}`));
		await write(`@${JSON.stringify({ manifest: tables })}`);
		await client.query('commit');
		gzip.end();
		await written;
		await rename(partial, file);
		return { file, bytes: (await stat(file)).size, migrations, tables };
	} catch (error) {
		gzip.destroy();
		await written.catch(() => undefined);
		await rm(partial, { force: true });
		throw error;
	} finally {
		await client.end();
	}
}
