/**
 * Every household page and form action, discovered from src/routes/h, called over HTTP
 * as a logged-out visitor, a stranger from another household and a non-admin member.
 * (access.test.ts fails when a route is missing from the access tables.)
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { baseUrl } from '$lib/server/testing/http';
import { routeIn, setUpGuardedHouse, type GuardedHouse } from '$lib/server/testing/guarded-house';
import { HOUSEHOLD_PAGES as ACCESS } from '$lib/server/testing/access';
import { discoverRoutes } from '$lib/server/testing/routes';
import { householdSnapshot } from '$lib/server/testing/snapshot';

let member: GuardedHouse['member'];
let stranger: GuardedHouse['stranger'];
let household: GuardedHouse['household'];
let house: GuardedHouse;
let choreId: string;
let db: pg.Client;

const snapshot = () => householdSnapshot(db, household.id);

const urlOf = (route: string) => routeIn(house, route);

async function request(route: string, action: string, cookie?: string) {
	// As a browser posts a form without JavaScript: it asks for HTML.
	const headers: Record<string, string> = { 'x-test-client-address': 'guard-suite', origin: baseUrl(), accept: 'text/html' };
	if (cookie) headers.cookie = `hearth_session=${cookie}`;
	if (action === 'load' || action === 'GET') return fetch(`${baseUrl()}${urlOf(route)}`, { headers, redirect: 'manual' });
	headers['content-type'] = 'application/x-www-form-urlencoded';
	const body = new URLSearchParams({
		displayName: 'Changed',
		role: 'adult',
		name: 'Hijacked',
		currency: 'USD',
		timezone: 'UTC',
		from: '2026-12-01',
		to: '2026-12-02',
		absenceId: '00000000-0000-4000-8000-000000000000',
		inviteId: '00000000-0000-4000-8000-000000000000',
		maxUses: '5',
		expiresInDays: '5',
		description: 'Sneaky',
		amount: '12.50',
		spentOn: '2026-12-01',
		category: 'other',
		payerMode: 'single',
		paidBy: household.me.memberId,
		splitMode: 'equal',
		[`in_${household.me.memberId}`]: household.me.memberId,
		fromMemberId: household.me.memberId,
		toMemberId: household.me.memberId,
		amountMinor: '100',
		paidOn: '2026-12-01',
		version: '1',
		id: '00000000-0000-4000-8000-000000000001',
		recurringId: '00000000-0000-4000-8000-000000000002',
		kind: 'monthly',
		dayOfMonth: '1',
		key: 'rent',
		choreId,
		dueOn: '2030-01-02',
		reason: 'sneaky',
		startOn: '2030-01-01',
		strategy: 'rotate',
		scope: 'household',
		title: 'Sneaky',
		body: 'sneaky',
		position: 'yes',
		closesAt: '2030-01-01T12:00',
		threshold: 'majority',
		quorumPct: '50',
		voterClass: 'all',
		ordinary_threshold: 'unanimous',
		ordinary_quorumPct: '90',
		ordinary_voterClass: 'adults',
		money_threshold: 'unanimous',
		money_quorumPct: '90',
		money_voterClass: 'adults'
	});
	const query = action === 'default' ? '' : `?/${action}`;
	return fetch(`${baseUrl()}${urlOf(route)}${query}`, { method: 'POST', headers, body, redirect: 'manual' });
}

beforeAll(async () => {
	house = await setUpGuardedHouse();
	({ member, stranger, household, choreId } = house);
	db = new pg.Client({ connectionString: inject('httpDatabaseUrl') });
	await db.connect();
});

afterAll(async () => {
	await db.end();
});

const discovered = discoverRoutes('src/routes/h');
const cases = Object.entries(discovered).flatMap(([route, names]) => names.map((name) => [route, name] as const));

describe('the household guard', () => {
	it.each(cases)('%s %s: logged out → log in, nothing stored', async (route, name) => {
		const before = await snapshot();
		const response = await request(route, name);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toMatch(/^\/login\?next=/);
		expect(await snapshot()).toEqual(before);
	});

	it.each(cases)('%s %s: a stranger gets 404, nothing stored', async (route, name) => {
		const before = await snapshot();
		const response = await request(route, name, stranger.token);
		expect(response.status).toBe(404);
		expect(await snapshot()).toEqual(before);
	});

	it.each(cases.filter(([route, name]) => ACCESS[route]?.[name] !== 'member'))(
		'%s %s: a member who is not admin (or not its author) gets 403, nothing stored',
		async (route, name) => {
			const before = await snapshot();
			const response = await request(route, name, member.token);
			expect(response.status).toBe(403);
			expect(await snapshot()).toEqual(before);
		}
	);
});
