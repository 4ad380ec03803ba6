/**
 * Phone first: every household page of the lived-in demo house works at 360 px wide
 * without sideways scrolling (the document is no wider than the screen).
 */
import { expect, test } from '@playwright/test';
import { logIn } from './helpers';

test.use({ viewport: { width: 360, height: 780 } });

test('no household page scrolls sideways at 360 px', async ({ page }) => {
	test.setTimeout(120_000);
	await logIn(page, 'priya@maple.example', 'maple-street');
	await expect(page).toHaveURL(/\/h\/[0-9a-f-]{36}/);
	const home = new URL(page.url()).pathname.match(/^\/h\/[0-9a-f-]{36}/)![0];
	const hid = home.split('/h/')[1]!;
	const api = async (path: string) =>
		(await (await page.request.get(`/api/v1/households/${hid}${path}`)).json()).items as Array<{ id: string; title?: string; kind?: string }>;
	const [expenses, chores, proposals, members, things, meals, funds] = await Promise.all([
		api('/expenses?limit=1'),
		api('/chores'),
		api('/proposals'),
		api('/members'),
		api('/things'),
		api(`/meals?from=${encodeURIComponent(new Date(Date.now() - 8 * 86_400_000).toISOString())}`),
		api('/funds')
	]);
	const paths = [
		'',
		'/expenses',
		'/expenses/new',
		'/expenses/overview',
		'/expenses/recurring',
		'/expenses/categories',
		'/expenses/import',
		`/expenses/${expenses[0]!.id}`,
		'/balances',
		'/chores',
		'/chores?view=month',
		'/chores?view=agenda',
		'/chores/new',
		'/chores/fairness',
		'/chores/feeds',
		`/chores/${chores[0]!.id}`,
		'/proposals',
		'/proposals/new',
		...proposals.slice(0, 4).map((p) => `/proposals/${p.id}`),
		'/members',
		`/members/${members[0]!.id}`,
		'/invites',
		'/settings',
		'/activity',
		'/notifications',
		'/notifications/settings',
		'/things',
		...things.map((t) => `/things/${t.id}`),
		`/things/${things[0]!.id}/edit`,
		'/meals',
		...meals.map((meal) => `/meals/${meal.id}`),
		'/funds',
		...funds.map((fund) => `/funds/${fund.id}`)
	];
	const wide: string[] = [];
	for (const path of paths) {
		const response = await page.goto(`${home}${path}`);
		expect(response?.status(), path).toBeLessThan(400);
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		if (width > 360) wide.push(`${path || '/'}: ${width} px`);
	}
	expect(wide).toEqual([]);
});

test('the fairness figures add up as shown (rounded once), and "expected" is explained', async ({ page }) => {
	await logIn(page, 'priya@maple.example', 'maple-street');
	await expect(page).toHaveURL(/\/h\/[0-9a-f-]{36}/);
	const home = new URL(page.url()).pathname.match(/^\/h\/[0-9a-f-]{36}/)![0];
	await page.goto(`${home}/chores/fairness`);
	await expect(page.getByText(/Expected.*is their fair part/)).toBeVisible();
	const section = page.getByRole('region', { name: 'Last 90 days' });
	for (const name of ['Priya', 'Daniel', 'Mia', 'Grandma Rosa']) {
		const done = Number(await section.getByTestId(`done-${name}`).innerText());
		const expected = Number(await section.getByTestId(`expected-${name}`).innerText());
		const difference = Number((await section.getByTestId(`difference-${name}`).innerText()).replace('−', '-').replace('+', ''));
		expect(Math.round((done - expected) * 10) / 10, name).toBe(difference);
	}
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: test.info().outputPath('fairness-390.png'), fullPage: true });
});

test.describe('on a 390 × 844 phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

	test('the page starts in the top quarter and the four places are a tab bar at the thumb, the rest under More', async ({ page }) => {
		await logIn(page, 'priya@maple.example', 'maple-street');
		await expect(page).toHaveURL(/\/h\/[0-9a-f-]{36}/);
		const home = new URL(page.url()).pathname.match(/^\/h\/[0-9a-f-]{36}/)![0];
		await page.goto(`${home}/chores`);
		const heading = await page.getByRole('heading', { name: 'Chores', level: 1 }).boundingBox();
		expect(heading!.y).toBeLessThan(844 / 4);
		const tabs = page.getByRole('navigation', { name: 'Household, on a phone' });
		const bar = await tabs.boundingBox();
		expect(bar!.y + bar!.height).toBeGreaterThan(800);
		await expect(tabs.getByRole('link', { name: 'Chores' })).toHaveAttribute('aria-current', 'page');
		for (const name of ['Home', 'Money', 'Chores', 'Decisions'])
			expect((await tabs.getByRole('link', { name }).boundingBox())!.height).toBeGreaterThanOrEqual(44);
		await tabs.getByRole('link', { name: 'Money' }).tap();
		await expect(page).toHaveURL(/\/expenses$/);
		await tabs.getByText('More').tap();
		await tabs.getByRole('link', { name: 'Members' }).tap();
		await expect(page.getByRole('heading', { name: 'Members', level: 1 })).toBeVisible();
		await page.goto(home);
		// Who owes whom at a glance: a bar per person, the amounts beside them (Mia's for last Sunday's dinner too).
		const picture = page.getByTestId('balance-picture');
		await expect(picture.getByRole('listitem')).toHaveCount(4);
		await expect(picture).toContainText(/You\s*\+€[\d,.]+ owed to you/);
		await page.screenshot({ path: test.info().outputPath('home-390.png') });
	});
});

test('settings use a desktop’s width: the house and how it decides side by side', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await logIn(page, 'priya@maple.example', 'maple-street');
	await expect(page).toHaveURL(/\/h\/[0-9a-f-]{36}/);
	const home = new URL(page.url()).pathname.match(/^\/h\/[0-9a-f-]{36}/)![0];
	await page.goto(`${home}/settings`);
	const house = await page.getByRole('button', { name: 'Save settings' }).boundingBox();
	const rules = await page.getByRole('heading', { name: 'How the house decides' }).boundingBox();
	expect(rules!.x).toBeGreaterThan(house!.x + 300);
	expect(rules!.y).toBeLessThan(house!.y);
});

test('polish: radios sit on their labels’ middle, the expense form uses a desktop’s width, the API reference has contents and no raw backticks', async ({
	page
}) => {
	await logIn(page, 'priya@maple.example', 'maple-street');
	await expect(page).toHaveURL(/\/h\/[0-9a-f-]{36}/);
	const home = new URL(page.url()).pathname.match(/^\/h\/[0-9a-f-]{36}/)![0];
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto(`${home}/expenses/new`);
	const radio = page.getByLabel('Equally');
	const [box, label] = await Promise.all([radio.boundingBox(), page.locator('label.checkbox', { has: radio }).boundingBox()]);
	expect(Math.abs(box!.y + box!.height / 2 - (label!.y + label!.height / 2))).toBeLessThanOrEqual(1.5);
	// What and who paid on the left, the split beside it: no empty half.
	const [what, split] = await Promise.all([page.getByLabel('What was it?').boundingBox(), page.getByRole('group', { name: 'How to split it' }).boundingBox()]);
	expect(split!.x).toBeGreaterThan(what!.x + what!.width);
	expect(split!.y).toBeLessThan(400);

	await page.goto('/api');
	const contents = page.getByRole('navigation', { name: 'API sections' });
	await expect(contents.getByRole('link').first()).toBeVisible();
	expect(await contents.getByRole('link').count()).toBeGreaterThan(30);
	// The example script is code (its backticks are shell); the prose around it has none left.
	const prose = await page.locator('main').evaluate((main) => {
		const copy = main.cloneNode(true) as HTMLElement;
		copy.querySelectorAll('pre').forEach((pre) => pre.remove());
		return copy.textContent ?? '';
	});
	expect(prose).not.toContain('`');
});
