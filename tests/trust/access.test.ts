/**
 * The access tables list every page, form action and endpoint in src/routes, so the
 * suites built on them (guard, api-guard, account-routes) cannot miss a new route.
 */
import { describe, expect, it } from 'vitest';
import { ACCOUNT_ROUTES, HOUSEHOLD_API, HOUSEHOLD_PAGES } from '$lib/server/testing/access';
import { discoverRoutes, routeEntries } from '$lib/server/testing/routes';

describe('the access tables', () => {
	it('name the access rule of every page, action and endpoint in src/routes, and nothing else', () => {
		const known = [HOUSEHOLD_PAGES, HOUSEHOLD_API, ACCOUNT_ROUTES].flatMap((table) =>
			Object.entries(table).flatMap(([route, names]) => Object.keys(names).map((name) => `${route} ${name}`))
		);
		expect(routeEntries(discoverRoutes())).toEqual(known.sort());
	});

	it('keep household routes in the household tables', () => {
		for (const route of Object.keys(ACCOUNT_ROUTES)) expect(route.startsWith('/h/') || route.startsWith('/api/v1/households/[hid]')).toBe(false);
	});
});
