// `npm run migrate`: apply pending migrations to DATABASE_URL, or to the embedded database.
import { prepareDatabase } from '../src/lib/server/db/bootstrap';

const database = await prepareDatabase();
await database.stop();
console.log('Database is up to date.');
