/**
 * Every page a member opens, in German and in Arabic on a phone (390 × 844): no English
 * left in what the page says (headings, labels, buttons, hints, the activity feed), no
 * sideways scrolling with German's longer words or Arabic's right-to-left layout, and no
 * axe violations. The household's own data is named in the language so any English word
 * on a page is Hearth's.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { addMemberByForm, createHousehold, signUp } from './helpers';

/** Words of Hearth's English interface; none may show on a page in another language. */
const ENGLISH =
	/\b(the|and|your|you|Add|Save|Choose|Members?|Expenses?|Settings|Record|Who|Every|Delete|Edit|Import|Export|History|Nothing|None|Balances?|Chores?|Decisions?|Proposals?|Invites?|Activity|Overview|Categories|Recurring|Settle|paid|owes|week|month|Done|Skip|Vote|Language|Name|Role|Share|Effort|Amount|Date|Notes?|Filter|Apply|Clear|Download)\b/g;

async function englishOn(page: Page): Promise<string[]> {
	// What is marked as English on purpose (another app's menu, "Export as spreadsheet") is left out.
	const text = await page.locator('main').evaluate((main) => {
		const copy = main.cloneNode(true) as HTMLElement;
		for (const english of copy.querySelectorAll('[lang="en"]')) english.remove();
		document.body.append(copy);
		const visible = copy.innerText;
		copy.remove();
		return visible;
	});
	// Placeholders and labels read by screen readers count too.
	const hidden = await page.locator('main [aria-label]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
	return [...new Set([...`${text}\n${hidden.join('\n')}`.matchAll(ENGLISH)].map((match) => match[0]))];
}

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

for (const language of [
	// German spells a few of these words the same way.
	{ locale: 'de', dir: 'ltr', sameInEnglish: ['Name', 'Filter', 'Export'] },
	{ locale: 'ar', dir: 'rtl', sameInEnglish: [] as string[] }
] as const) {
	test(`every household page speaks ${language.locale}, fits a phone and passes axe`, async ({ page }) => {
		test.setTimeout(300_000);
		await signUp(page, 'Ana');
		const home = await createHousehold(page, `Haus ${language.locale}`);
		const householdId = home.split('/h/')[1]!;
		await addMemberByForm(page, home, 'Leo', 'child', '0');
		const api = `/api/v1/households/${householdId}`;
		const me = (await (await page.request.get('/api/v1/me')).json()).households[0].memberId as string;
		const members = (await (await page.request.get(`${api}/members`)).json()) as { items: Array<{ id: string; displayName: string }> };
		const leo = members.items.find((m) => m.displayName === 'Leo')!.id;
		const today = new Date().toISOString().slice(0, 10);
		const post = async (path: string, data: unknown) => {
			const response = await page.request.post(`${api}${path}`, { data });
			expect(response.status(), path).toBeLessThan(300);
			return (await response.json()) as { id: string };
		};
		const expense = await post('/expenses', {
			description: 'Brot',
			amountMinor: 1234,
			spentOn: today,
			category: 'groceries',
			payers: [{ memberId: me, amountMinor: 1234 }],
			split: { mode: 'equal', parts: [{ memberId: me }, { memberId: leo }] }
		});
		await post('/recurring-expenses', {
			description: 'Miete',
			amountMinor: 50000,
			category: 'rent',
			payers: [{ memberId: me, amountMinor: 50000 }],
			split: { mode: 'equal', parts: [{ memberId: me }] },
			schedule: { kind: 'monthly', interval: 1, dayOfMonth: 31, startOn: today }
		});
		const chore = await post('/chores', {
			name: 'Blumen',
			effort: 2,
			schedule: { kind: 'weekly', interval: 1, weekdays: [1, 4], startOn: today },
			assignment: { strategy: 'rotate', memberIds: [me, leo] }
		});
		const proposal = await post('/proposals', {
			title: 'Garten',
			kind: 'choice',
			options: ['Rosen', 'Tomaten'],
			rule: { threshold: 'majority', quorumPct: 50, voterClass: 'adults' },
			closesAt: new Date(Date.now() + 86_400_000).toISOString()
		});

		await page.goto('/account');
		await page.getByRole('combobox', { name: 'Language' }).selectOption(language.locale);
		await page.getByRole('button', { name: 'Change language' }).click();
		await expect(page.locator('html')).toHaveAttribute('dir', language.dir);

		const pages = [
			home,
			`${home}/expenses`,
			`${home}/expenses/new`,
			`${home}/expenses/${expense.id}`,
			`${home}/expenses/overview`,
			`${home}/expenses/categories`,
			`${home}/expenses/recurring`,
			`${home}/expenses/import`,
			`${home}/balances`,
			`${home}/chores`,
			`${home}/chores?view=week`,
			`${home}/chores/new`,
			`${home}/chores/${chore.id}`,
			`${home}/chores/fairness`,
			`${home}/chores/feeds`,
			`${home}/proposals`,
			`${home}/proposals/new`,
			`${home}/proposals/${proposal.id}`,
			`${home}/proposals/${proposal.id}/edit`,
			`${home}/members`,
			`${home}/members/${leo}`,
			`${home}/invites`,
			`${home}/settings`,
			`${home}/activity`,
			'/account',
			'/households',
			'/households/new',
			'/households/import'
		];
		const leaks: Record<string, string[]> = {};
		for (const path of pages) {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('lang', new RegExp(`^${language.locale}`));
			const english = (await englishOn(page)).filter((word) => !(language.sameInEnglish as readonly string[]).includes(word));
			if (english.length) leaks[path] = english;
			await page.screenshot({
				path: test.info().outputPath(`${language.locale}${new URL(path, 'http://x').pathname.replaceAll('/', '_')}.png`),
				fullPage: true
			});
			expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
			const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
			expect(
				violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
				path
			).toEqual([]);
		}
		expect(leaks).toEqual({});

		// A refused form answers in the language too, next to the field, keeping what was typed.
		await page.goto(`${home}/expenses/categories`);
		await page.locator('#field-name').fill('   ');
		await page.locator('form[action="?/add"] button[type="submit"]').click();
		await expect(page.locator('#field-name-error')).toHaveText(language.locale === 'de' ? 'Gib der Kategorie einen Namen.' : 'سمِّ الفئة.');
	});
}
