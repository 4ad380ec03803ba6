/**
 * The routes outside a household, discovered from src/routes: what a logged-out visitor
 * may reach, what sends them to log in (pages) or answers 401 (API) without storing
 * anything, and the secret-address calendar feeds that answer 404 to a wrong token.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { baseUrl, call } from '$lib/server/testing/http';
import { ACCOUNT_ROUTES } from '$lib/server/testing/access';
import { discoverRoutes } from '$lib/server/testing/routes';
import { routeIn, setUpGuardedHouse, type GuardedHouse } from '$lib/server/testing/guarded-house';

let house: GuardedHouse;
let ownerTokenId: string;
let db: pg.Client;

const cases = Object.entries(discoverRoutes())
	.filter(([route]) => route in ACCOUNT_ROUTES)
	.flatMap(([route, names]) => names.map((name) => [route, name, ACCOUNT_ROUTES[route]![name]!] as const));

/** What a refused request might have touched: rows it would name (other test files share the server, so nothing global). */
async function counts() {
	const { rows } = await db.query(
		`select (select count(*) from households where name = 'Sneaky') as households, (select count(*) from sessions where user_id = $1) as sessions,
			(select string_agg(id::text || coalesce(revoked_at::text, ''), ',') from access_tokens where user_id = $1) as tokens, (select count(*) from members where user_id = $1) as memberships`,
		[house.owner.id]
	);
	return rows[0];
}

function urlOf(route: string): string {
	return routeIn(house, route, { tid: ownerTokenId, token: 'not-a-real-token' });
}

/** A page load or a form post as a browser without JavaScript sends it; an endpoint as a script calls it. */
async function visit(route: string, name: string, token?: string): Promise<{ status: number; location: string | null }> {
	const headers: Record<string, string> = { 'x-test-client-address': `account-routes-${Math.random()}`, origin: baseUrl(), accept: 'text/html' };
	if (token) headers.cookie = `hearth_session=${token}`;
	if (/^[A-Z]+$/.test(name)) {
		const response = await call(urlOf(route), { method: name, token, body: name === 'GET' || name === 'DELETE' ? undefined : {} });
		return { status: response.status, location: response.headers.get('location') };
	}
	if (name === 'load') {
		const response = await fetch(`${baseUrl()}${urlOf(route)}`, { headers, redirect: 'manual' });
		return { status: response.status, location: response.headers.get('location') };
	}
	headers['content-type'] = 'application/x-www-form-urlencoded';
	const query = name === 'default' ? '' : `?/${name}`;
	const response = await fetch(`${baseUrl()}${urlOf(route)}${query}`, {
		method: 'POST',
		headers,
		body: 'name=Sneaky&currency=EUR&timezone=UTC&current=x&password=y',
		redirect: 'manual'
	});
	return { status: response.status, location: response.headers.get('location') };
}

beforeAll(async () => {
	house = await setUpGuardedHouse();
	ownerTokenId = (await call('/api/v1/me/tokens', { method: 'POST', token: house.owner.token, body: { name: 'sheet', password: house.owner.password } })).body
		.id;
	db = new pg.Client({ connectionString: inject('httpDatabaseUrl') });
	await db.connect();
});

afterAll(async () => {
	await db.end();
});

describe('routes outside a household', () => {
	it.each(cases.filter(([, , access]) => access === 'user'))('%s %s: logged out → log in (page) or 401 (API), nothing stored', async (route, name) => {
		const before = await counts();
		const { status, location } = await visit(route, name);
		if (route.startsWith('/api/')) expect(status).toBe(401);
		else {
			expect(status).toBe(303);
			expect(location).toMatch(/^\/login\?next=/);
		}
		expect(await counts()).toEqual(before);
	});

	it.each(cases.filter(([, , access]) => access === 'public'))(
		'%s %s: open to a logged-out visitor (no server error, not sent to log in)',
		async (route, name) => {
			const { status, location } = await visit(route, name);
			expect(status).toBeLessThan(500);
			expect(location ?? '').not.toMatch(/^\/login\?next=/);
		}
	);

	it.each(cases.filter(([, , access]) => access === 'feed'))('%s %s: a wrong or missing feed token answers 404', async (route) => {
		for (const query of ['', '?token=', '?token=wrong', `?token=${'x'.repeat(5000)}`]) {
			const response = await fetch(`${baseUrl()}${urlOf(route)}${query}`);
			expect(response.status).toBe(404);
		}
	});

	it.each(cases.filter(([, , access]) => access === 'operator'))("%s %s: 401 without the instance's metrics token, logged in or not", async (route, name) => {
		for (const token of [undefined, house.owner.token]) expect((await visit(route, name, token)).status).toBe(401);
	});

	it("a stranger cannot revoke someone else's access token: 404, the token still works", async () => {
		const before = await counts();
		const response = await call(`/api/v1/me/tokens/${ownerTokenId}`, { method: 'DELETE', token: house.stranger.token });
		expect(response.status).toBe(404);
		expect(await counts()).toEqual(before);
	});

	it("a stranger's token never reaches another household's calendar feed", async () => {
		const response = await fetch(`${baseUrl()}/households/${house.household.id}/chores.ics`, { headers: { authorization: `Bearer ${house.stranger.token}` } });
		expect(response.status).toBe(404);
	});
});
