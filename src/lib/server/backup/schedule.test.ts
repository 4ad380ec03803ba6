/**
 * The scheduled backup (issue 21): each run recorded, a failure recorded with its reason,
 * old files removed as BACKUP_KEEP says, and the status instance admins see on their
 * dashboard (GET of the page over HTTP: a failed backup is shown to them, to no one else).
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { getDb } from '../db';
import { isInstanceAdmin } from '../auth/instance-admins';
import { SESSION_COOKIE } from '../auth/sessions';
import { call, newHousehold } from '../testing/http';
import { backupStatus, pruneBackups, runScheduledBackup } from './schedule';
import { backupFileName } from './format';

const folder = mkdtempSync(join(tmpdir(), 'hearth-scheduled-'));

describe('the scheduled backup', () => {
	it('writes a file, records the run, and tells the status; a failure is recorded with its reason', async () => {
		expect((await backupStatus()).last).toBeNull();
		const now = new Date();
		const { file, bytes } = await runScheduledBackup(now, folder);
		expect(existsSync(file)).toBe(true);
		expect(file.endsWith(backupFileName(now))).toBe(true);
		const status = await backupStatus();
		expect(status).toMatchObject({ warning: null, lastGood: { bytes }, last: { error: null } });
		// A folder that cannot be made (a file is in its way): the run fails and says why.
		const blocked = join(folder, 'not-a-folder');
		writeFileSync(blocked, '');
		await expect(runScheduledBackup(new Date(), join(blocked, 'inside'))).rejects.toThrow();
		const failed = await backupStatus();
		expect(failed.warning).toBe('failed');
		expect(failed.last!.error).toMatch(/ENOTDIR|not a directory/);
		expect(failed.lastGood!.bytes).toBe(bytes);
	});

	it('warns when the last good backup is more than two days old', async () => {
		await getDb().deleteFrom('instanceBackups').execute();
		const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000);
		await getDb().insertInto('instanceBackups').values({ startedAt: threeDaysAgo, finishedAt: threeDaysAgo, file: 'x', bytes: 10 }).execute();
		expect((await backupStatus()).warning).toBe('stale');
		expect((await backupStatus(new Date(threeDaysAgo.getTime() + 86_400_000))).warning).toBeNull();
	});

	it('removes the backups BACKUP_KEEP leaves out, and no other file', async () => {
		const old = mkdtempSync(join(tmpdir(), 'hearth-prune-'));
		const days = ['2026-12-03', '2026-12-02', '2026-12-01', '2026-11-30', '2026-11-20'];
		for (const day of days) writeFileSync(join(old, backupFileName(new Date(`${day}T03:30:00Z`))), 'x');
		writeFileSync(join(old, 'notes.txt'), 'mine');
		const removed = await pruneBackups(old, { days: 2, weeks: 0, months: 0 });
		expect(removed.sort()).toEqual(['hearth-2026-11-20T03-30-00Z.backup.gz', 'hearth-2026-11-30T03-30-00Z.backup.gz', 'hearth-2026-12-01T03-30-00Z.backup.gz']);
		expect(readdirSync(old).sort()).toEqual(['hearth-2026-12-02T03-30-00Z.backup.gz', 'hearth-2026-12-03T03-30-00Z.backup.gz', 'notes.txt']);
	});
});

describe('instance admins', () => {
	it('are the emails INSTANCE_ADMINS names, whatever their case', () => {
		expect(isInstanceAdmin('Ops@Example.org', ' ops@example.org , b@example.org')).toBe(true);
		expect(isInstanceAdmin('c@example.org', 'ops@example.org')).toBe(false);
		expect(isInstanceAdmin('anyone@example.org', '')).toBe(false);
	});

	it('see a failed backup on their dashboard; other people do not see backups at all', async () => {
		// The test server names instance-admin@test.example in INSTANCE_ADMINS (global-setup.ts).
		const signUp = async (email: string) => {
			const password = 'correct horse battery';
			await call('/api/v1/users', { method: 'POST', body: { email, password, displayName: 'Ops' } });
			return (await call<{ token: string }>('/api/v1/sessions', { method: 'POST', body: { email, password } })).body.token;
		};
		const adminToken = await signUp('instance-admin@test.example');
		const otherToken = await signUp(`someone-${Date.now()}@test.example`);
		const http = new pg.Client({ connectionString: inject('httpDatabaseUrl') });
		await http.connect();
		try {
			await http.query(`insert into instance_backups (started_at, finished_at, error) values (now(), now(), 'No space left on device')`);
			for (const [token, sees] of [
				[adminToken, true],
				[otherToken, false]
			] as const) {
				const house = await newHousehold(token);
				const page = await call<string>(`/h/${house.id}`, { cookie: `${SESSION_COOKIE}=${token}` });
				expect(page.status).toBe(200);
				expect(page.body.includes('data-testid="backup-status"')).toBe(sees);
				expect(page.body.includes('The last backup failed: No space left on device')).toBe(sees);
			}
		} finally {
			await http.query(`delete from instance_backups`);
			await http.end();
		}
	});
});

afterAll(async () => {
	await getDb().deleteFrom('instanceBackups').execute();
});
