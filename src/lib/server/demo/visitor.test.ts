import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { getDb } from '../db';
import { validateSessionToken } from '../auth/sessions';
import { listMembers } from '../households/members';
import { makeHousehold } from '../testing/factories';
import { DEMO_LIFETIME_MS, removeExpiredDemos, startDemo } from './visitor';
import { seedDemoHousehold } from './seed';

describe('Try the demo', () => {
	it('gives each visitor a house of their own, signed in as Priya the admin; the others are members without a login', async () => {
		const first = await startDemo('198.51.100.1');
		const second = await startDemo('198.51.100.1');
		expect(first.householdId).not.toBe(second.householdId);
		const session = await validateSessionToken(getDb(), first.token);
		expect(session.user?.displayName).toBe('Priya');
		const members = await listMembers(first.householdId);
		expect(members.find((m) => m.userId === first.user.id)).toMatchObject({ displayName: 'Priya', isAdmin: true });
		expect(members.filter((m) => m.userId).length).toBe(1);
		expect(members).toHaveLength(5);
		const house = await getDb().selectFrom('households').select(['demo', 'demoExpiresAt']).where('id', '=', first.householdId).executeTakeFirstOrThrow();
		expect(house.demo).toBe(true);
		expect(new Date(house.demoExpiresAt!).getTime() - Date.now()).toBeGreaterThan(DEMO_LIFETIME_MS - 60_000);
	});

	it('removes a demo house and its visitor a day later, every table of it, and nothing else', async () => {
		const kept = await seedDemoHousehold();
		const real = await makeHousehold('Real House');
		const demo = await startDemo('198.51.100.2');
		const db = getDb();
		const rowsOf = async (householdId: string) =>
			Number(
				(
					await db
						.selectFrom('activity')
						.select((eb) => eb.fn.countAll<string>().as('n'))
						.where('householdId', '=', householdId)
						.executeTakeFirstOrThrow()
				).n
			);
		const keptActivity = await rowsOf(kept.householdId);

		expect(await removeExpiredDemos()).toBe(0);
		expect(await removeExpiredDemos(new Date(Date.now() + DEMO_LIFETIME_MS + 60_000))).toBeGreaterThanOrEqual(1);
		expect(await db.selectFrom('households').select('id').where('id', '=', demo.householdId).executeTakeFirst()).toBeUndefined();
		expect(await db.selectFrom('users').select('id').where('id', '=', demo.user.id).executeTakeFirst()).toBeUndefined();
		expect((await validateSessionToken(db, demo.token)).session).toBeNull();
		const tables = await sql<{
			name: string;
		}>`select table_name as name from information_schema.columns where table_schema = current_schema() and column_name = 'household_id'`.execute(db);
		expect(tables.rows.length).toBeGreaterThan(20);
		for (const { name } of tables.rows) {
			const left = await sql<{ n: string }>`select count(*) as n from ${sql.table(name)} where household_id = ${demo.householdId}`.execute(db);
			expect(Number(left.rows[0]!.n), name).toBe(0);
		}
		// The dev demo (kept for good) and a real house are untouched.
		expect(await rowsOf(kept.householdId)).toBe(keptActivity);
		expect(await rowsOf(real.household.id)).toBe(1);
	});

	it('refuses a visitor who starts too many (429) without planting a house', async () => {
		const db = getDb();
		await db.insertInto('rateLimits').values({ key: 'demo:address:198.51.100.3', windowStartedAt: new Date(), hits: 10 }).execute();
		const before = await db
			.selectFrom('households')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.executeTakeFirstOrThrow();
		await expect(startDemo('198.51.100.3')).rejects.toMatchObject({ status: 429 });
		const after = await db
			.selectFrom('households')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.executeTakeFirstOrThrow();
		expect(after.n).toBe(before.n);
	});
});
