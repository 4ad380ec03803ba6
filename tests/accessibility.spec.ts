import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createHousehold, logIn, signUp } from './helpers';

/** The demo household's main pages, each found by following the app's own links. */
async function mainPages(page: Page): Promise<Array<[string, string]>> {
	await logIn(page, 'priya@maple.example', 'maple-street');
	await expect(page.getByRole('heading', { name: 'Who lives here' })).toBeVisible();
	const home = new URL(page.url()).pathname;
	await page.goto(`${home}/proposals`);
	const proposal = new URL(
		await page
			.getByTestId('proposal-Replace the washing machine')
			.getByRole('link')
			.first()
			.evaluate((a) => (a as HTMLAnchorElement).href)
	).pathname;
	await page.goto(`${home}/things`);
	const thing = new URL(await page.getByRole('link', { name: /The car/ }).evaluate((a) => (a as HTMLAnchorElement).href)).pathname;
	await page.goto(`${home}/funds`);
	const kitty = new URL(await page.getByRole('link', { name: /House kitty/ }).evaluate((a) => (a as HTMLAnchorElement).href)).pathname;
	return [
		['dashboard', home],
		['expenses', `${home}/expenses`],
		['new expense', `${home}/expenses/new`],
		['balances', `${home}/balances`],
		['calendar', `${home}/chores`],
		['calendar, month', `${home}/chores?view=month`],
		['chore form', `${home}/chores/new`],
		['proposals', `${home}/proposals`],
		['proposal page', proposal],
		['members', `${home}/members`],
		['settings', `${home}/settings`],
		['notifications', `${home}/notifications`],
		['what reaches you', `${home}/notifications/settings`],
		['shared things', `${home}/things`],
		['the car', thing],
		['common meals', `${home}/meals`],
		['house funds', `${home}/funds`],
		['the house kitty', kitty]
	];
}

for (const scheme of ['light', 'dark'] as const) {
	test(`no serious or critical accessibility violations on the main pages, ${scheme} theme`, async ({ page }) => {
		test.setTimeout(120_000);
		await page.emulateMedia({ colorScheme: scheme });
		const problems: string[] = [];
		for (const [name, path] of await mainPages(page)) {
			await page.goto(path);
			const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
			for (const violation of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
				problems.push(
					`${name}: ${violation.id} (${violation.impact}) — ${violation.nodes
						.map((n) => n.target.join(' '))
						.slice(0, 3)
						.join(', ')}`
				);
			}
		}
		expect(problems).toEqual([]);
	});
}

test('no serious or critical accessibility violations on the welcome, login and API pages', async ({ page }) => {
	// The API reference is long: axe takes a while on it on a busy two-core machine.
	test.setTimeout(120_000);
	const problems: string[] = [];
	for (const path of ['/', '/login', '/api']) {
		await page.goto(path);
		const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
		for (const violation of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
			problems.push(
				`${path}: ${violation.id} (${violation.impact}) — ${violation.nodes
					.map((n) => n.target.join(' '))
					.slice(0, 3)
					.join(', ')}`
			);
		}
	}
	expect(problems).toEqual([]);
});

/** Presses Tab until the focused element's accessible text matches, as a keyboard user scans a page. */
async function tabTo(page: Page, name: RegExp, limit = 80): Promise<void> {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			if (!el) return '';
			const labels = (el as HTMLInputElement).labels;
			// Roughly the accessible name: the label, else aria-label, else the text, else the value.
			return (labels?.[0]?.textContent || el.getAttribute('aria-label') || el.textContent || (el as HTMLInputElement).value || '').trim();
		});
		if (name.test(focused)) return;
	}
	throw new Error(`Tab never reached ${name}`);
}

test('keyboard only: add an expense, then vote on a proposal', async ({ page }) => {
	// Three pages tabbed through one key at a time: 14 s alone, past 30 s beside the other suites.
	test.slow();
	await signUp(page, 'Kim');
	const home = await createHousehold(page, 'Keyboard House');
	const hid = home.split('/h/')[1]!;
	// The proposal is set up through the API (the same session): the journey is what a keyboard user does.
	const made = await page.request.post(`/api/v1/households/${hid}/proposals`, {
		headers: { origin: new URL(home).origin },
		data: { title: 'Get a doormat', kind: 'consent', closesAt: new Date(Date.now() + 86_400_000).toISOString() }
	});
	expect(made.status()).toBe(201);

	await page.goto(home);
	await tabTo(page, /^Add an expense$|^New expense$|^Add expense$/);
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('What was it?')).toBeVisible();
	await tabTo(page, /What was it\?/);
	await page.keyboard.type('Doormat deposit');
	await page.keyboard.press('Tab');
	await page.keyboard.type('12.50');
	await tabTo(page, /^Save expense$/);
	await page.keyboard.press('Enter');
	await expect(page.getByText('Doormat deposit').first()).toBeVisible();
	await expect(page.getByText('€12.50').first()).toBeVisible();

	await page.goto(home);
	await tabTo(page, /Get a doormat/);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Get a doormat' })).toBeVisible();
	await tabTo(page, /^\s*Yes\s*$/);
	await page.keyboard.press('Space');
	await tabTo(page, /^Vote$/);
	await page.keyboard.press('Enter');
	// The only voter voted: the count is complete and the proposal decided at once.
	await expect(page.getByText(/Passed: 1 of 1 eligible voted.*1 yes of 1 vote cast/)).toBeVisible();
});
