/**
 * Before each test file: its own database, cloned from the migrated template, so files
 * running in parallel never see each other's rows.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { withDatabase } from '../db/bootstrap';
import { closeDb } from '../db';

const serverUrl = inject('serverUrl');
const name = `hearth_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;

async function admin(statement: string): Promise<void> {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}

beforeAll(async () => {
	await admin(`create database ${pg.escapeIdentifier(name)} template ${pg.escapeIdentifier(inject('templateDb'))}`);
	process.env.DATABASE_URL = withDatabase(serverUrl, name);
});

afterAll(async () => {
	await closeDb();
	await admin(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
});
