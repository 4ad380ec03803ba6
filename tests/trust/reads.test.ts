/**
 * A GET changes nothing: once a household's due work is done (the guard's catch-up step,
 * or the job), every household page and GET endpoint only reads. And after downtime the
 * first request of any kind — the API's too — catches up, so page and API agree.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { baseUrl, call, newHousehold } from '$lib/server/testing/http';
import { routeIn, setUpGuardedHouse, type GuardedHouse } from '$lib/server/testing/guarded-house';
import { HOUSEHOLD_API, HOUSEHOLD_PAGES } from '$lib/server/testing/access';
import { everyHouseholdRow } from '$lib/server/testing/snapshot';
import { todayIn } from '$lib/dates';

let house: GuardedHouse;
let db: pg.Client;

beforeAll(async () => {
	house = await setUpGuardedHouse();
	db = new pg.Client({ connectionString: inject('httpDatabaseUrl') });
	await db.connect();
});

afterAll(async () => {
	await db.end();
});

function urlOf(route: string): string {
	const today = todayIn('Europe/Berlin');
	const span = route.endsWith('chore-calendar') || route.endsWith('chore-fairness') ? `?from=${today}&to=${today}` : '';
	return routeIn(house, route) + span;
}

describe('reads', () => {
	it('change no row: every household page and GET endpoint, once the house is caught up', async () => {
		// The first request catches the house up (if anything is due); after it, nothing may write.
		await call(`/api/v1/households/${house.household.id}`, { token: house.owner.token });
		const before = await everyHouseholdRow(db, house.household.id);
		const pages = Object.entries(HOUSEHOLD_PAGES)
			.filter(([, names]) => 'load' in names || 'GET' in names)
			.map(([route]) => route);
		const endpoints = Object.entries(HOUSEHOLD_API)
			.filter(([, names]) => 'GET' in names)
			.map(([route]) => route);
		for (const route of [...pages, ...endpoints]) {
			const response = await fetch(`${baseUrl()}${urlOf(route)}`, {
				headers: { cookie: `hearth_session=${house.owner.token}`, 'x-test-client-address': 'reads-suite' },
				redirect: 'manual'
			});
			expect(response.status, route).toBeLessThan(500);
			await response.arrayBuffer();
		}
		expect(await everyHouseholdRow(db, house.household.id)).toEqual(before);
	});

	it('after downtime, the first request — the balances API as much as the page — makes the periods that fell due', async () => {
		const hid = house.household.id;
		const owner = house.household.me.memberId;
		// A day of the month that is not today, so nothing falls due when it is set up.
		const day = (Number(todayIn('Europe/Berlin').slice(8, 10)) % 28) + 1;
		const rent = await call(`/api/v1/households/${hid}/recurring-expenses`, {
			method: 'POST',
			token: house.owner.token,
			body: {
				description: 'Garden plot',
				amountMinor: 2000,
				category: 'other',
				payers: [{ memberId: owner, amountMinor: 2000 }],
				split: { mode: 'equal', parts: [{ memberId: owner }] },
				schedule: { kind: 'monthly', dayOfMonth: day, startOn: todayIn('Europe/Berlin') }
			}
		});
		expect(rent.status).toBe(201);
		const periods = async () =>
			Number((await db.query(`select count(*) as n from recurring_runs where household_id = $1 and recurring_id = $2`, [hid, rent.body.id])).rows[0].n);
		expect(await periods()).toBe(0);
		// As if the server had been down since two months ago, when this started: two periods are owed.
		await db.query(`update recurring_expenses set starts_on = (now() - interval '2 months')::date where household_id = $1 and id = $2`, [hid, rent.body.id]);
		await db.query(`update household_catch_up set due_at = now() - interval '1 second' where household_id = $1`, [hid]);
		const balances = await call(`/api/v1/households/${hid}/balances`, { token: house.owner.token });
		expect(balances.status).toBe(200);
		expect(await periods()).toBeGreaterThanOrEqual(2);
	});

	it('moving between one’s households writes nothing: where you were is a cookie, and / takes you back there', async () => {
		await newHousehold(house.owner.token, 'Second House');
		const userRow = async () => (await db.query(`select md5(u::text) as digest from users u where id = $1`, [house.owner.id])).rows[0].digest;
		const before = await userRow();
		const headers = { cookie: `hearth_session=${house.owner.token}`, 'x-test-client-address': 'reads-suite' };
		// Making the second house put the account there; going back to the first is only a view.
		const page = await fetch(`${baseUrl()}/h/${house.household.id}`, { headers, redirect: 'manual' });
		expect(page.status).toBe(200);
		const remembered = page.headers.getSetCookie().find((c) => c.startsWith('hearth_household='));
		expect(remembered).toContain(house.household.id);
		expect(await userRow()).toBe(before);
		const home = await fetch(`${baseUrl()}/`, { headers: { ...headers, cookie: `${headers.cookie}; ${remembered!.split(';')[0]}` }, redirect: 'manual' });
		expect(home.headers.get('location')).toBe(`/h/${house.household.id}`);
	});
});
