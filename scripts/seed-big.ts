// `npm run seed:big`: the benchmark's big house ("Big Co-op": 40 members, five years,
// 200 000 expenses by default; BIG_EXPENSES changes it) into DATABASE_URL or the
// embedded database. Prints how long it took.
import { prepareDatabase } from '../src/lib/server/db/bootstrap';
import { closeDb } from '../src/lib/server/db';
import { BIG_PASSWORD, seedBigHousehold } from '../src/lib/server/demo/big';

const expenses = Number(process.env.BIG_EXPENSES ?? 200_000);
const database = await prepareDatabase();
process.env.DATABASE_URL = database.url;
// Seeding writes years of history in long statements: no per-query bound.
process.env.DATABASE_QUERY_TIMEOUT_MS = '0';
try {
	const began = performance.now();
	console.log(`Seeding "Big Co-op" with ${expenses} expenses…`);
	const result = await seedBigHousehold({ expenses, emailTag: `-${Date.now().toString(36)}`, log: console.log });
	console.log(
		`Done in ${((performance.now() - began) / 1000).toFixed(1)} s. Household ${result.householdId}; log in as ${result.adminEmail}, password "${BIG_PASSWORD}".`
	);
} finally {
	await closeDb();
	await database.stop();
}
