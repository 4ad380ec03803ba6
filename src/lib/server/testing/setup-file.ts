/**
 * Before each test file: its own database, cloned from the migrated template, so files
 * running in parallel never see each other's rows.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { withDatabase } from '../db/bootstrap';
import { closeDb } from '../db';
import { onTestServer } from './server-admin';

const serverUrl = inject('serverUrl');
const name = `hearth_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;

const admin = (statement: string) => onTestServer(serverUrl, statement);

beforeAll(async () => {
	await admin(`create database ${pg.escapeIdentifier(name)} template ${pg.escapeIdentifier(inject('templateDb'))}`);
	process.env.DATABASE_URL = withDatabase(serverUrl, name);
});

afterAll(async () => {
	await closeDb();
	await admin(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
});
