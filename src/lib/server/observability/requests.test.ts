import { describe, expect, it } from 'vitest';
import { loggedPath, requestIdFrom } from './requests';

describe('loggedPath', () => {
	it('fills in the route parameters but a token', () => {
		expect(loggedPath('/h/[hid]/expenses/[eid]', { hid: 'h1', eid: 'e2' }, '/h/h1/expenses/e2')).toBe('/h/h1/expenses/e2');
		expect(loggedPath('/reset-password/[token]', { token: 'secret123' }, '/reset-password/secret123')).toBe('/reset-password/[token]');
		expect(loggedPath('/api/v1/invites/[token]/accept', { token: 'secret123' }, '/api/v1/invites/secret123/accept')).toBe('/api/v1/invites/[token]/accept');
	});

	it('leaves out layout groups and keeps the root', () => {
		expect(loggedPath('/(app)/h/[hid]', { hid: 'h1' }, '/h/h1')).toBe('/h/h1');
		expect(loggedPath('/', {}, '/')).toBe('/');
	});

	it('handles rest, optional and matched parameters', () => {
		expect(loggedPath('/files/[...rest]', { rest: 'a/b' }, '/files/a/b')).toBe('/files/a/b');
		expect(loggedPath('/[[lang]]/about', { lang: 'de' }, '/de/about')).toBe('/de/about');
		expect(loggedPath('/day/[date=day]', { date: '2026-12-03' }, '/day/2026-12-03')).toBe('/day/2026-12-03');
		expect(loggedPath('/secret/[...token]', { token: 'a/b' }, '/secret/a/b')).toBe('/secret/[token]');
	});

	it('keeps an unmatched path as sent, cut short', () => {
		expect(loggedPath(null, {}, '/no/such/page')).toBe('/no/such/page');
		expect(loggedPath(null, {}, `/${'x'.repeat(500)}`)).toHaveLength(200);
	});
});

describe('requestIdFrom', () => {
	it("keeps a balancer's id that looks like one", () => {
		expect(requestIdFrom('7F000001:D4F2_1F90_674E1A2B_0000:1A2B')).toBe('7F000001:D4F2_1F90_674E1A2B_0000:1A2B');
		expect(requestIdFrom('0b1d7c4e-5f7a-4e3b-9f4e-2d6a1c8b9e10')).toBe('0b1d7c4e-5f7a-4e3b-9f4e-2d6a1c8b9e10');
	});

	it('makes a new one for none, or one that is too short, too long or holds other characters', () => {
		for (const header of [null, '', 'short', 'x'.repeat(129), 'two words here', 'line\nbreak-here', '{"json":true}']) {
			expect(requestIdFrom(header)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
		}
	});
});
