// `npm run backup [-- FILE]`: the whole instance (every table, accounts included) in one
// compressed file, read in one snapshot while the app keeps serving. DATABASE_URL, or the
// embedded database (shared with a running `npm start`). Without FILE, a new file in
// BACKUP_DIR (default .data/backups). docs/OPERATIONS.md says how to restore it.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { prepareDatabase } from '../src/lib/server/db/bootstrap';
import { writeBackup } from '../src/lib/server/backup/backup';
import { backupFileName } from '../src/lib/server/backup/format';

const folder = resolve(process.env.BACKUP_DIR ?? '.data/backups');
const file = process.argv[2] ? resolve(process.argv[2]) : join(folder, backupFileName(new Date()));
mkdirSync(resolve(file, '..'), { recursive: true });
const database = await prepareDatabase({ migrate: false, log: () => {} });
try {
	const summary = await writeBackup(database.url, file);
	const rows = Object.values(summary.tables).reduce((sum, t) => sum + t.rows, 0);
	console.log(
		`Backed up ${Object.keys(summary.tables).length} tables, ${rows} rows (migration ${summary.migrations.at(-1)}), to ${summary.file} (${Math.ceil(summary.bytes / 1024)} KiB).`
	);
} finally {
	await database.stop();
}
