/**
 * A common meal on a phone and at a desk: Ana (at her desk) plans tomorrow's dinner for at
 * most four portions and signs up with her son Leo (half a portion, on her share); Ben (on
 * his phone) asks to bring two guests, is told how many portions are left with what he
 * typed kept, and brings one. Ana closes sign-ups and enters what she spent: each eater's
 * share is on the page, split by portions.
 */
import { expect, test } from '@playwright/test';
import { addMemberByForm, createHousehold, secondAdultJoins, signUp } from './helpers';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('sign up for a common meal, enter its cost and see each eater’s share, at a desk and on a phone', async ({ page, browser }) => {
	test.slow();
	await page.setViewportSize({ width: 1280, height: 900 });
	await signUp(page, 'Ana');
	const home = await createHousehold(page, 'Dinner House');
	await addMemberByForm(page, home, 'Leo', 'child', '0');
	const { page: ben, close } = await secondAdultJoins(page, browser, { home, name: 'Dinner House' }, 'Ben', {
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true
	});

	// Ana plans tomorrow's dinner: bad input is refused by its field, what was typed kept.
	await page.goto(`${home}/meals`);
	await page.getByText('Plan a meal').click();
	await page.getByLabel('Menu').fill('Lentil soup and bread');
	await page.getByLabel('Day').fill(day(1));
	await page.getByLabel('Served at').fill('18:30');
	await page.getByLabel('Sign-ups close on').fill(day(1));
	await page.getByLabel('Sign-ups close at').fill('12:00');
	await page.getByLabel('Most portions').fill('lots');
	await page.getByRole('button', { name: 'Plan it (I cook)' }).click();
	await expect(page.getByText(/The most portions: a number from 1 to 1000/)).toBeVisible();
	await expect(page.getByLabel('Menu')).toHaveValue('Lentil soup and bread');
	await page.getByLabel('Most portions').fill('4');
	await page.getByRole('button', { name: 'Plan it (I cook)' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Lentil soup and bread' })).toBeVisible();
	const mealPath = new URL(page.url()).pathname;

	// Ana signs up, then Leo (a child: half a portion by default, on Ana's share).
	const answer = page.getByRole('region', { name: 'Who eats?' });
	await answer.getByRole('button', { name: 'Eating', exact: true }).click();
	await expect(page.getByRole('heading', { name: /Who eats · portions: 1 of 4/ })).toBeVisible();
	await answer.getByLabel('For').selectOption({ label: 'Leo' });
	await answer.getByLabel('Dietary needs').fill('No chilli');
	await answer.getByRole('button', { name: 'Eating', exact: true }).click();
	await expect(page.getByRole('heading', { name: /Who eats · portions: 1\.5 of 4/ })).toBeVisible();

	// Ben, on his phone, finds the meal and asks to bring two guests: 3 portions, 2.5 left.
	await ben.goto(`${home}/meals`);
	await ben.getByRole('link', { name: /Lentil soup and bread/ }).click();
	const benAnswer = ben.getByRole('region', { name: 'Who eats?' });
	await benAnswer.getByLabel('Guests you bring').fill('2');
	await benAnswer.getByLabel('Dietary needs').fill('Vegan, please');
	await benAnswer.getByRole('button', { name: 'Eating', exact: true }).click();
	await expect(ben.getByText('Only 2.5 portions are left.')).toBeVisible();
	await expect(benAnswer.getByLabel('Dietary needs')).toHaveValue('Vegan, please');
	await expect(benAnswer.getByLabel('Guests you bring')).toHaveValue('2');
	await benAnswer.getByLabel('Guests you bring').fill('1');
	await benAnswer.getByRole('button', { name: 'Eating', exact: true }).click();
	await expect(ben.getByRole('heading', { name: /Who eats · portions: 3\.5 of 4/ })).toBeVisible();
	await expect(ben.getByText('Needs: Vegan, please')).toBeVisible();
	expect(await ben.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

	// Ana closes sign-ups (the closing time moved to one that has passed) and enters what she spent.
	await page.goto(mealPath);
	await expect(page.getByText('Needs: No chilli')).toBeVisible();
	await page.getByText('Change the meal').click();
	await page.getByLabel('Sign-ups close on').fill(day(-1));
	await page.getByRole('button', { name: 'Save the meal' }).click();
	const cost = page.getByRole('region', { name: 'What it cost' });
	await cost.getByLabel('Spent').fill('lots');
	await cost.getByRole('button', { name: 'Share the cost' }).click();
	await expect(cost.getByText(/Enter an amount like/)).toBeVisible();
	await cost.getByLabel('Spent').fill('42.00');
	await cost.getByRole('button', { name: 'Share the cost' }).click();
	await expect(cost).toContainText('Ana spent €42.00.');
	// 3.5 portions: Ana 1 and Leo's 0.5 (€18.00), Ben 1 and his guest's 1 (€24.00).
	const eaters = page.getByRole('region', { name: /Who eats ·/ });
	await expect(eaters.getByRole('listitem').filter({ hasText: /^\s*Ana/ })).toContainText('pays €18.00');
	await expect(eaters.getByRole('listitem').filter({ hasText: /^\s*Ben/ })).toContainText('pays €24.00');
	await expect(eaters.getByRole('listitem').filter({ hasText: /^\s*Leo/ })).toContainText('on Ana’s share');

	// Ben sees his share on his phone, and in his balance.
	await ben.reload();
	await expect(
		ben
			.getByRole('region', { name: /Who eats ·/ })
			.getByRole('listitem')
			.filter({ hasText: /^\s*Ben/ })
	).toContainText('pays €24.00');
	await close();
});
