// `npm run dev`: a database (embedded unless DATABASE_URL is set), migrations, the demo
// household on first start, then Vite's dev server. Ctrl-C stops all of it.
import { spawn } from 'node:child_process';
import { prepareDatabase } from '../src/lib/server/db/bootstrap';
import { closeDb } from '../src/lib/server/db';
import { DEMO_PASSWORD, seedDemoHousehold } from '../src/lib/server/demo/seed';
import { devServer } from '../src/lib/server/dev-server';

const database = await prepareDatabase();
process.env.DATABASE_URL = database.url;
if (process.env.HEARTH_SEED_DEMO !== '0') {
	const { created } = await seedDemoHousehold();
	if (created) console.log('Created the demo household "Maple Street House".');
	console.log(`Demo login: priya@maple.example / ${DEMO_PASSWORD}`);
}
await closeDb();

const dev = devServer(process.env);
const vite = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'dev', ...dev.args, ...process.argv.slice(2)], {
	stdio: 'inherit',
	env: { ...process.env, DATABASE_URL: database.url, HEARTH_DEMO: '1', HEARTH_DEV_ORIGIN: dev.origin }
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => vite.kill(signal));
vite.on('exit', (code) => {
	void database.stop().finally(() => process.exit(code ?? 0));
});
