import { expect, test } from '@playwright/test';
import { createHousehold, signUp } from './helpers';

// Each form's answer comes back under its own name: a refusal lands on the form that was
// sent, next to its own field, and nowhere else on the page.
test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a token refused for a wrong password says so on the token form only, not on the password form beside it', async ({ page }) => {
		await signUp(page, 'Tess');
		await page.goto('/account');
		await page.getByLabel('Token name').fill('budget sheet');
		await page.getByLabel('Your password', { exact: true }).fill('not my password');
		await page.getByRole('button', { name: 'Make a token' }).click();
		await expect(page.getByText('That is not your password.')).toHaveCount(1);
		await expect(page.getByLabel('Your password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByLabel('New password', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByLabel('Token name')).toHaveValue('budget sheet');
	});

	test('a chore started too long ago is refused next to its start date, what was typed kept', async ({ page }) => {
		await signUp(page, 'Cleo');
		const home = await createHousehold(page, 'Start House');
		await page.goto(`${home}/chores/new`);
		await page.getByLabel('Chore', { exact: true }).fill('Windows');
		const twoYearsAgo = new Date(Date.now() - 730 * 86_400_000).toISOString().slice(0, 10);
		await page.getByLabel('Starts on').fill(twoYearsAgo);
		await page.getByRole('button', { name: 'Add chore' }).click();
		await expect(page.getByText(/^Start it on \d{4}-\d{2}-\d{2} or later/)).toBeVisible();
		await expect(page.getByLabel('Starts on')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByLabel('Chore', { exact: true })).toHaveValue('Windows');
	});
});
