import pg from 'pg';

/** One statement on the test PostgreSQL server itself (create or drop a database), on its own connection. */
export async function onTestServer(serverUrl: string, statement: string): Promise<void> {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}
