import { describe, expect, it } from 'vitest';
import { clientFileMap, inLocaleClient } from './client-locales';

const base = {
	app: ['_app/immutable/entry/start.A.js', '_app/immutable/entry/app.EN.js', '_app/immutable/chunks/shared.js'],
	'node 3.js': ['_app/immutable/nodes/3.EN.js', '_app/immutable/chunks/shared.js', '_app/immutable/chunks/words.EN.js']
};

describe('a language’s browser files', () => {
	it('stand for the base build’s in SvelteKit’s order; the files both builds share need no swap', () => {
		const german = {
			app: ['_app/immutable/entry/start.A.js', '_app/immutable/entry/app.DE.js', '_app/immutable/chunks/shared.js'],
			'node 3.js': ['_app/immutable/nodes/3.DE.js', '_app/immutable/chunks/shared.js', '_app/immutable/chunks/words.DE.js']
		};
		expect(clientFileMap(base, german, 'de')).toEqual({
			'_app/immutable/entry/app.EN.js': '_app/immutable/entry/app.DE.js',
			'_app/immutable/nodes/3.EN.js': '_app/immutable/nodes/3.DE.js',
			'_app/immutable/chunks/words.EN.js': '_app/immutable/chunks/words.DE.js'
		});
	});

	it('that do not line up with the base build’s fail the build rather than mix two builds on a page', () => {
		const shorter = { ...base, 'node 3.js': ['_app/immutable/nodes/3.DE.js', '_app/immutable/chunks/shared.js'] };
		expect(() => clientFileMap(base, shorter, 'de')).toThrow(/node 3\.js has 2 files, not 3/);
		const twoForOne = { ...base, 'node 3.js': ['_app/immutable/nodes/3.DE.js', '_app/immutable/chunks/other.js', '_app/immutable/chunks/words.DE.js'] };
		expect(() => clientFileMap(base, twoForOne, 'de')).toThrow(/shared\.js stands for both/);
		expect(() => clientFileMap(base, { app: base.app }, 'de')).toThrow(/their pages differ/);
	});

	it('are what a page names, in its HTML and its preload header; without a map it keeps the base build’s', () => {
		const maps = { de: { '_app/immutable/entry/app.EN.js': '_app/immutable/entry/app.DE.js' } };
		const html = `<link href="/_app/immutable/assets/0.css" rel="stylesheet"><script>import("/_app/immutable/entry/start.A.js"), import("/_app/immutable/entry/app.EN.js")</script>`;
		expect(inLocaleClient(html, 'de', maps)).toBe(html.replace('app.EN.js', 'app.DE.js'));
		expect(inLocaleClient('</_app/immutable/entry/app.EN.js>; rel="modulepreload"; nopush', 'de', maps)).toBe(
			'</_app/immutable/entry/app.DE.js>; rel="modulepreload"; nopush'
		);
		expect(inLocaleClient(html, 'en', maps)).toBe(html);
		expect(inLocaleClient(html, 'de', {})).toBe(html);
	});
});
