import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baseUrl, newAccount, newHousehold } from '../src/lib/server/testing/http';
import { pageScripts } from './page-scripts';

const locales = ['en', 'de', 'es', 'pl', 'ar'] as const;
const messages = Object.fromEntries(locales.map((locale) => [locale, JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8'))])) as Record<
	string,
	Record<string, string>
>;

/** The text of every script a first visit to the page runs, as the reader of `locale` gets it. */
async function scriptsOf(path: string, locale: string, session?: string): Promise<string> {
	const response = await fetch(`${baseUrl()}${path}`, { headers: { cookie: `hearth_locale=${locale}${session ? `; hearth_session=${session}` : ''}` } });
	expect(response.status).toBe(200);
	const html = await response.text();
	const files = pageScripts(html);
	expect(files.length).toBeGreaterThan(3);
	for (const file of files) expect(existsSync(file), `${path} in ${locale} names ${file}`).toBe(true);
	// The preload header names the same language's files as the page.
	for (const [, file] of (response.headers.get('link') ?? '').matchAll(/<(\/_app\/immutable\/[^>]+\.js)>/g))
		expect(existsSync(`build/client${file}`)).toBe(true);
	return files.map((file) => readFileSync(file, 'utf8')).join('\n');
}

describe('the built app (npm run build)', () => {
	it('sends each reader the scripts of their own language only', async () => {
		const owner = await newAccount('Lena');
		const house = await newHousehold(owner.token, 'Fünf Sprachen');
		const pages = [
			{ path: '/login', keys: ['login_new_here', 'login_just_looking'] },
			{ path: `/h/${house.id}/expenses/new`, keys: ['expense_how_split', 'expense_who_paid'], session: owner.token }
		];
		for (const page of pages) {
			for (const locale of ['de', 'ar', 'en']) {
				const scripts = await scriptsOf(page.path, locale, page.session);
				for (const key of page.keys) {
					expect(scripts, `${page.path} in ${locale}: ${key}`).toContain(messages[locale]![key]);
					for (const other of locales.filter((l) => l !== locale)) {
						expect(scripts, `${page.path} in ${locale} carries ${other}’s ${key}`).not.toContain(messages[other]![key]);
					}
				}
			}
		}
	});
});
