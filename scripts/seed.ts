// `npm run seed`: adds the demo household (Maple Street House) if it is not there yet.
import { prepareDatabase } from '../src/lib/server/db/bootstrap';
import { closeDb } from '../src/lib/server/db';
import { DEMO_PASSWORD, seedDemoHousehold } from '../src/lib/server/demo/seed';

const database = await prepareDatabase();
process.env.DATABASE_URL = database.url;
try {
	const { created } = await seedDemoHousehold();
	console.log(created ? 'Created the demo household "Maple Street House".' : 'The demo household is already there.');
	console.log(`Log in as priya@maple.example (admin) or daniel@, rosa@, mia@maple.example, password "${DEMO_PASSWORD}".`);
} finally {
	await closeDb();
	await database.stop();
}
