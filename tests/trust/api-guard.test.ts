/**
 * Every endpoint of the household API, discovered from src/routes/api/v1/households/[hid],
 * called as a logged-out client (401), a stranger from another household (404, whatever
 * the body says) and a member without the needed role (403). Nothing may change.
 */
import { mondayInWeeks, shift } from '$lib/server/testing/days';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { call } from '$lib/server/testing/http';
import { HOUSEHOLD_API } from '$lib/server/testing/access';
import { discoverRoutes } from '$lib/server/testing/routes';
import { householdSnapshot } from '$lib/server/testing/snapshot';
import { routeIn, setUpGuardedHouse, type GuardedHouse } from '$lib/server/testing/guarded-house';

let house: GuardedHouse;
let db: pg.Client;
let rules: unknown;

const snapshot = () => householdSnapshot(db, house.household.id);

/**
 * The stranger's credential: a fresh personal access token every 100 calls, since the
 * stranger calls every endpoint twice and the test server allows 120 calls a minute per
 * credential (that limit is not what is tested here).
 */
let strangerToken = '';
let strangerUses = 0;
async function stranger(): Promise<string> {
	if (!strangerToken || ++strangerUses >= 100) {
		const made = await call('/api/v1/me/tokens', {
			method: 'POST',
			token: house.stranger.token,
			body: { name: `stranger ${Math.random()}`, password: house.stranger.password }
		});
		strangerToken = made.body.token;
		strangerUses = 0;
	}
	return strangerToken;
}

function urlOf(route: string): string {
	return routeIn(house, route, { dueOn: shift(mondayInWeeks(8), 1) });
}

/** A body the endpoint accepts, so a refusal for the role is not hidden behind one for the input. */
function bodyFor(route: string, method: string): unknown {
	if (method === 'GET' || method === 'DELETE') return undefined;
	const tail = route.replace('/api/v1/households/[hid]', '');
	const bodies: Record<string, unknown> = {
		'PUT /decision-rules': rules,
		'PATCH /proposals/[pid]': { title: 'Hijacked' },
		'POST /members': { displayName: 'Sneaky', role: 'adult' },
		'PATCH /members/[mid]': { displayName: 'Sneaky', version: 1 },
		'POST /invites': { role: 'adult' },
		'POST /things': { name: 'Sneaky shed', kind: 'room' },
		'POST /bookings/[bid]/decision': { approve: true },
		'POST /funds': { name: 'Sneaky fund' },
		'PATCH /funds/[fund]': { archived: true, version: 1 },
		'POST /imports/splitwise': { csv: 'Date,Description,Category,Cost,Currency,Owner\n', dryRun: false }
	};
	return bodies[`${method} ${tail}`] ?? {};
}

const discovered = discoverRoutes('src/routes/api/v1/households/[hid]');
const cases = Object.entries(discovered).flatMap(([route, methods]) => methods.map((method) => [route, method] as const));

beforeAll(async () => {
	house = await setUpGuardedHouse();
	rules = (await call(`/api/v1/households/${house.household.id}/decision-rules`, { token: house.owner.token })).body;
	db = new pg.Client({ connectionString: inject('httpDatabaseUrl') });
	await db.connect();
});

afterAll(async () => {
	await db.end();
});

describe('the household API guard', () => {
	it('finds the endpoints it attacks', () => {
		expect(cases.length).toBeGreaterThanOrEqual(Object.values(HOUSEHOLD_API).flatMap(Object.keys).length);
	});

	it.each(cases)('%s %s: logged out → 401, nothing stored', async (route, method) => {
		const before = await snapshot();
		const response = await call(urlOf(route), { method, body: bodyFor(route, method) });
		expect(response.status).toBe(401);
		expect(response.body.error.code).toBe('unauthenticated');
		expect(await snapshot()).toEqual(before);
	});

	it.each(cases)('%s %s: a stranger gets 404 with any body, nothing stored', async (route, method) => {
		const before = await snapshot();
		for (const body of [bodyFor(route, method), method === 'GET' || method === 'DELETE' ? undefined : { nonsense: true }]) {
			const response = await call(urlOf(route), { method, body, token: await stranger() });
			expect(response.status).toBe(404);
			expect(response.body.error.code).toBe('not_found');
		}
		expect(await snapshot()).toEqual(before);
	});

	it.each(cases.filter(([route, method]) => HOUSEHOLD_API[route]?.[method] !== 'member'))(
		'%s %s: a member who is not admin (or not its author) gets 403, nothing stored',
		async (route, method) => {
			const before = await snapshot();
			const response = await call(urlOf(route), { method, body: bodyFor(route, method), token: house.member.token });
			expect(response.status).toBe(403);
			expect(await snapshot()).toEqual(before);
		}
	);
});
