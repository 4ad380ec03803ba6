/**
 * Nothing a person types is lost when the page's scripts start late (a slow phone
 * network): the page is usable as plain HTML, and what was typed before hydration is
 * still there after it — and is what gets saved.
 */
import { expect, test, type Page } from '@playwright/test';
import { createHousehold, holdScripts, hydrated, signUp } from './helpers';

/** A ranked proposal with three options, open for a day; its id. */
async function rankedDinner(page: Page, home: string): Promise<string> {
	const created = await page.request.post(`/api/v1/households/${home.split('/h/')[1]}/proposals`, {
		data: {
			title: 'Dinner',
			kind: 'ranked',
			options: ['Thai', 'Sushi', 'Burritos'],
			rule: { threshold: 'majority', quorumPct: 0 },
			closesAt: new Date(Date.now() + 86_400_000).toISOString()
		}
	});
	return ((await created.json()) as { id: string }).id;
}

test('a ranked ballot and its reason typed before the scripts start are kept and saved', async ({ page }) => {
	await signUp(page, 'Quick');
	const home = await createHousehold(page, 'Quick House');
	const id = await rankedDinner(page, home);

	const release = await holdScripts(page);
	await page.goto(`${home}/proposals/${id}`, { waitUntil: 'commit' });
	await page.getByLabel('Thai').fill('1');
	await page.getByLabel('Sushi').fill('2');
	await page.getByLabel('Burritos').fill('3');
	await page.getByLabel('Reason (optional)').fill('Thai first, always');
	release();
	await hydrated(page);
	// The number boxes became the tap list, in the order typed, and the ballot says so before it is sent.
	await expect(page.getByTestId('me-ranked')).toHaveText('You ranked: Thai › Sushi › Burritos');
	await expect(page.getByLabel('Reason (optional)')).toHaveValue('Thai first, always');
	await page.getByRole('button', { name: 'Vote' }).click();
	await expect(page.getByTestId('voter-Quick')).toContainText('ranks Thai › Sushi › Burritos');
});

test('an expense description and a chore name typed before the scripts start are kept', async ({ page }) => {
	await signUp(page, 'Early');
	const home = await createHousehold(page, 'Early House');
	const release = await holdScripts(page);
	await page.goto(`${home}/expenses/new`, { waitUntil: 'commit' });
	await page.getByLabel('What was it?').fill('Groceries at the market');
	release();
	await hydrated(page);
	await expect(page.getByLabel('What was it?')).toHaveValue('Groceries at the market');

	await page.unrouteAll({ behavior: 'ignoreErrors' });
	const again = await holdScripts(page);
	await page.goto(`${home}/chores/new`, { waitUntil: 'commit' });
	await page.getByLabel('Chore', { exact: true }).fill('Water the plants');
	again();
	await hydrated(page);
	await expect(page.getByLabel('Chore', { exact: true })).toHaveValue('Water the plants');
});

test('ranking by tapping, with buttons to move and take out, says what will be sent', async ({ page }) => {
	await signUp(page, 'Tapper');
	const home = await createHousehold(page, 'Tap House');
	const id = await rankedDinner(page, home);
	await page.goto(`${home}/proposals/${id}`);
	await hydrated(page);
	await page.getByRole('button', { name: 'Rank Sushi 1' }).click();
	await page.getByRole('button', { name: 'Rank Thai 2' }).click();
	await page.getByRole('button', { name: 'Rank Burritos 3' }).click();
	await expect(page.getByTestId('me-ranked')).toHaveText('You ranked: Sushi › Thai › Burritos');
	await page.getByRole('button', { name: 'Move Thai up' }).click();
	await page.getByRole('button', { name: 'Take Burritos out of the ranking' }).click();
	await expect(page.getByTestId('me-ranked')).toHaveText('You ranked: Thai › Sushi');
	await page.getByRole('button', { name: 'Vote' }).click();
	await expect(page.getByTestId('voter-Tapper')).toContainText('ranks Thai › Sushi');
});

test('a button shows it is working until the answer arrives, and a second press sends nothing', async ({ page }) => {
	await signUp(page, 'Busy');
	const home = await createHousehold(page, 'Busy House');
	await page.goto(`${home}/expenses/new`);
	await hydrated(page);
	let posts = 0;
	let release!: () => void;
	const gate = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/expenses/new?/save', async (route) => {
		posts++;
		await gate;
		await route.continue();
	});
	await page.getByLabel('What was it?').fill('Bread');
	await page.getByLabel('Amount (EUR)').fill('3.20');
	const save = page.getByRole('button', { name: 'Save expense' });
	await save.click();
	await expect(save).toHaveAttribute('aria-busy', 'true');
	await save.click({ force: true }).catch(() => {});
	release();
	await expect(page.getByRole('heading', { name: 'Bread' })).toBeVisible();
	expect(posts).toBe(1);
});
