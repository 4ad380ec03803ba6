// `npm run db:types`: writes src/lib/server/db/generated.ts from the migrated database
// (DATABASE_URL, or the embedded one), with kysely-codegen and .kysely-codegenrc.json.
// Run it after adding a migration; the test suite fails while the file is out of date.
import { execFileSync } from 'node:child_process';
import { prepareDatabase } from '../src/lib/server/db/bootstrap';

const database = await prepareDatabase();
try {
	execFileSync('node_modules/.bin/kysely-codegen', ['--url', database.url, ...process.argv.slice(2)], { stdio: 'inherit' });
} finally {
	await database.stop();
}
