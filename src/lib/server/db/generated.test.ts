/**
 * The database types are generated from the migrated database (`npm run db:types`): when a
 * migration changes a table and generated.ts was not written again, this fails, so the
 * types the code is checked against cannot drift from the tables it runs on.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

describe('the generated database types', () => {
	it('match the migrated database', async () => {
		const run = promisify(execFile)('node_modules/.bin/kysely-codegen', ['--verify', '--url', process.env.DATABASE_URL!], { encoding: 'utf8' });
		const outcome = await run.then(
			(result) => ({ ok: true, output: result.stdout + result.stderr }),
			(error: { stdout?: string; stderr?: string }) => ({ ok: false, output: `${error.stdout ?? ''}${error.stderr ?? ''}` })
		);
		expect(outcome.ok, `Run \`npm run db:types\` after a migration.\n${outcome.output}`).toBe(true);
	}, 30_000);
});
