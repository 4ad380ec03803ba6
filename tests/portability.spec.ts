import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { createHousehold, logIn, signUp } from './helpers';

test('an admin exports the demo household and imports it as a new one with the same balances', async ({ page }, testInfo) => {
	await logIn(page, 'priya@maple.example', 'maple-street');
	await expect(page.getByRole('heading', { name: 'Who lives here' })).toBeVisible();
	const home = page.url();

	await page.goto(`${home}/balances`);
	const everyone = page.getByRole('region', { name: 'Everyone' }).locator('tbody');
	const original = await everyone.innerText();
	expect(original).toContain('Grandma Rosa');

	await page.goto(`${home}/settings`);
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Export everything (JSON)' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^hearth-maple-street-house-\d{4}-\d{2}-\d{2}\.json$/);
	const file = testInfo.outputPath('maple.json');
	await download.saveAs(file);

	await page.goto('/households');
	await page.getByRole('link', { name: 'Import one from an export file' }).click();
	await page.getByLabel('Export file (.json)').setInputFiles(file);
	await page.getByLabel('Name of the new household (optional)').fill('Maple Street (restored)');
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByText('Maple Street (restored)').first()).toBeVisible();
	expect(page.url()).not.toContain(home.split('/h/')[1]!);

	await page.getByRole('navigation', { name: 'Household' }).getByRole('link', { name: 'Balances' }).click();
	await expect(page.getByRole('heading', { name: 'Balances' })).toBeVisible();
	expect(await page.getByRole('region', { name: 'Everyone' }).locator('tbody').innerText()).toBe(original);
	// Decisions came along with their verdicts.
	await page.getByRole('navigation', { name: 'Household' }).getByRole('link', { name: 'Decisions' }).click();
	await expect(page.getByTestId('proposal-Replace the washing machine')).toContainText('Passed');
});

test('a file that is not an export is refused next to the field, and nothing is created', async ({ page }, testInfo) => {
	await logIn(page, 'daniel@maple.example', 'maple-street');
	await expect(page.getByRole('heading', { name: 'Who lives here' })).toBeVisible();
	const file = testInfo.outputPath('not-an-export.json');
	writeFileSync(file, JSON.stringify({ format: 'something else', version: 1 }));
	await page.goto('/households/import');
	await page.getByLabel('Export file (.json)').setInputFiles(file);
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByRole('alert')).toContainText('Nothing was imported');
	await page.goto('/households');
	await expect(page.getByRole('link', { name: 'Maple Street House' })).toHaveCount(1);
});

test('a Splitwise export is previewed with who is who and the balances it leaves, then imported', async ({ page }) => {
	await signUp(page, 'Ana');
	const home = await createHousehold(page, 'Splitwise House');
	const householdId = home.split('/h/')[1]!;
	for (const displayName of ['Ben', 'Cleo', 'Dev']) {
		expect((await page.request.post(`/api/v1/households/${householdId}/members`, { data: { displayName, role: 'adult' } })).status()).toBe(201);
	}
	await page.goto(`${home}/expenses`);
	await page.getByRole('link', { name: 'Import from Splitwise' }).click();
	await page.getByLabel('Splitwise export (.csv)').setInputFiles('tests/fixtures/splitwise-sample.csv');
	await page.getByRole('button', { name: 'Preview' }).click();
	await expect(page.getByTestId('import-summary')).toHaveText('17 expenses and 6 payments, Sat, Aug 1, 2026 to Sat, Oct 10, 2026.');
	await expect(page.getByLabel('Dev Patel')).toHaveValue(/.+/);
	await expect(page.getByTestId('after-Ana')).toContainText('€2,488.86');
	await page.getByRole('button', { name: 'Import 17 expenses and 6 payments' }).click();
	await expect(page.getByTestId('my-balance')).toHaveText('You are owed €2,488.86.');
});
