import { describe, expect, it } from 'vitest';
import { safeNext } from './request';

describe('where to go after logging in (next)', () => {
	it.each([
		'//evil.example/x',
		'/\\evil.example',
		'/\t/evil.example/x',
		'/\n/evil.example',
		'/\r\n/evil.example',
		'https://evil.example',
		'/\\\\evil.example',
		'javascript:alert(1)',
		'\t//evil.example'
	])('never leaves the site: %j', (next) => {
		expect(safeNext(next, '/home')).toBe('/home');
	});

	it.each([
		['/h/123/expenses?view=month#top', '/h/123/expenses?view=month#top'],
		['/%0A/evil.example', '/%0A/evil.example'],
		['/households/new', '/households/new']
	])('keeps a path on this site: %j', (next, expected) => {
		expect(safeNext(next)).toBe(expected);
	});
});
