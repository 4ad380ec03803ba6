import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';

export const PASSWORD = 'correct horse battery';

export function uniqueEmail(name: string): string {
	return `${name.toLowerCase()}-${randomUUID().slice(0, 8)}@e2e.example`;
}

export async function signUp(page: Page, name: string, email = uniqueEmail(name)): Promise<string> {
	await page.goto('/signup');
	await page.getByLabel('Your name').fill(name);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	return email;
}

export async function createHousehold(page: Page, name: string): Promise<string> {
	await expect(page).toHaveURL(/\/households\/new$/);
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('Currency').selectOption('EUR');
	await page.getByLabel('Time zone').selectOption('Europe/Berlin');
	await page.getByRole('button', { name: 'Create household' }).click();
	await expect(page).toHaveURL(/\/h\/[0-9a-f-]{36}$/);
	return page.url();
}

export async function logIn(page: Page, email: string, password = PASSWORD): Promise<void> {
	await page.goto('/login');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Log in' }).click();
}

/** Holds back the app's scripts until `release` is called; the HTML works meanwhile (a slow phone network). */
export async function holdScripts(page: Page): Promise<() => void> {
	let release!: () => void;
	const gate = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**', async (route) => {
		await gate;
		await route.continue();
	});
	return release;
}

/** The page's scripts have started (the root layout marks it). */
export const hydrated = (page: Page) => page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');

/** Someone new opens an invite link in their own browser, signs up through it and joins. */
export async function joinThroughInvite(invitee: Page, inviteUrl: string, name: string): Promise<void> {
	await invitee.goto(inviteUrl);
	await invitee.getByRole('link', { name: 'Create an account' }).click();
	await invitee.getByLabel('Your name').fill(name);
	await invitee.getByLabel('Email').fill(uniqueEmail(name));
	await invitee.getByLabel('Password').fill(PASSWORD);
	await invitee.getByRole('button', { name: 'Create account' }).click();
	await invitee.getByRole('button', { name: /^Join / }).click();
}

/** An admin adds a member on the Members page; the role's preset share weight is checked on the way. */
export async function addMemberByForm(page: Page, home: string, name: string, role: string, presetShareWeight: string): Promise<void> {
	await page.goto(`${home}/members`);
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('Role').selectOption(role);
	await expect(page.getByLabel('Share weight')).toHaveValue(presetShareWeight);
	await page.getByRole('button', { name: 'Add member' }).click();
	await expect(page.getByText(`Added ${name}.`)).toBeVisible();
}

/** A second adult joins the household at `home` through an invite the founder (`page`) makes, in a browser of their own. */
export async function secondAdultJoins(page: Page, browser: Browser, house: { home: string; name: string }, name: string, options: BrowserContextOptions = {}) {
	const { home } = house;
	const householdId = home.split('/h/')[1]!;
	const invite = await page.request.post(`/api/v1/households/${householdId}/invites`, { data: { role: 'adult' } });
	const { token } = await invite.json();
	const context = await browser.newContext(options);
	const other = await context.newPage();
	await signUp(other, name, uniqueEmail(name));
	await expect(other).toHaveURL(/\/households\/new$/);
	await other.goto(`/invite/${token}`);
	await other.getByRole('button', { name: `Join ${house.name}` }).click();
	await expect(other).toHaveURL(home);
	return { page: other, close: () => context.close() };
}
