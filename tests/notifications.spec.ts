import { expect, test, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { createECDH, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ece from 'http_ece';
import { createHousehold, secondAdultJoins, signUp } from './helpers';

/** Ana founds the house; Ben joins through an invite in his own browser. */
async function houseOfTwo(page: Page, browser: Browser, name: string, options: BrowserContextOptions = {}) {
	await signUp(page, 'Ana');
	const home = await createHousehold(page, name);
	const { page: ben, close } = await secondAdultJoins(page, browser, { home, name }, 'Ben', options);
	return { home, householdId: home.split('/h/')[1]!, ben, close };
}

const proposal = (title: string) => ({
	title,
	body: '',
	kind: 'consent',
	rule: { threshold: 'majority', quorumPct: 0 },
	closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString()
});

test('the bell shows a new vote to the other adult; the notification opens it; all read clears the count', async ({ page, browser }) => {
	test.slow();
	const { householdId, ben, close } = await houseOfTwo(page, browser, 'Bell House');
	const bell = ben.getByRole('link', { name: /^Notifications/ });
	await expect(bell).toHaveAccessibleName('Notifications');

	expect((await page.request.post(`/api/v1/households/${householdId}/proposals`, { data: proposal('Movie night on Fridays') })).status()).toBe(201);
	await ben.reload();
	await expect(bell).toHaveAccessibleName('Notifications: 1 unread');
	// Ana made it: her own bell stays quiet (she was told of Ben joining, though).
	await page.reload();
	await expect(page.getByRole('link', { name: /^Notifications/ })).toHaveAccessibleName('Notifications: 1 unread');

	await bell.click();
	await expect(ben.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
	// Opening it leads to the proposal and marks it read.
	await ben.getByRole('button', { name: 'Ana asks for your vote: Movie night on Fridays', exact: true }).click();
	await expect(ben.getByRole('heading', { name: 'Movie night on Fridays' })).toBeVisible();
	await expect(bell).toHaveAccessibleName('Notifications');

	expect((await page.request.post(`/api/v1/households/${householdId}/proposals`, { data: proposal('Pizza on Sundays') })).status()).toBe(201);
	expect((await page.request.post(`/api/v1/households/${householdId}/proposals`, { data: proposal('A cat') })).status()).toBe(201);
	await bell.click();
	await expect(bell).toHaveAccessibleName('Notifications: 2 unread');
	await ben.getByRole('button', { name: 'Mark all read' }).click();
	await expect(ben.getByRole('button', { name: 'Mark all read' })).toBeHidden();
	await expect(bell).toHaveAccessibleName('Notifications');
	await close();
});

/** A push service stand-in on this machine: the app posts the encrypted notification here. */
async function pushService(): Promise<{ server: Server; endpoint: string; bodies: Buffer[] }> {
	const bodies: Buffer[] = [];
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			bodies.push(Buffer.concat(chunks));
			response.statusCode = 201;
			response.end();
		});
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	return { server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/push/ana-phone`, bodies };
}

test.describe('push', () => {
	test.use({ serviceWorkers: 'allow', permissions: ['notifications'] });

	test('push is turned on from the settings page; a new vote reaches the device, encrypted for it, and the service worker shows it', async ({
		page,
		browser
	}) => {
		test.slow();
		const service = await pushService();
		// The device's keys. Chromium here has no push service of its own (no network), so the
		// browser's subscribe answers with a subscription to the stand-in, made with these keys.
		const ecdh = createECDH('prime256v1');
		ecdh.generateKeys();
		const auth = randomBytes(16).toString('base64url');
		const device = { endpoint: service.endpoint, p256dh: ecdh.getPublicKey().toString('base64url'), auth };
		await page.addInitScript((device) => {
			const subscription = {
				endpoint: device.endpoint,
				toJSON: () => ({ endpoint: device.endpoint, expirationTime: null, keys: { p256dh: device.p256dh, auth: device.auth } }),
				unsubscribe: async () => true
			};
			let subscribed = false;
			PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
				// The app subscribes with this server's VAPID key, as a real push service requires.
				if (!options?.applicationServerKey || !options.userVisibleOnly) throw new Error('subscribe without a key');
				subscribed = true;
				return subscription as unknown as PushSubscription;
			};
			PushManager.prototype.getSubscription = async () => (subscribed ? (subscription as unknown as PushSubscription) : null);
		}, device);

		const { householdId, ben, close } = await houseOfTwo(page, browser, 'Push House');
		await page.getByRole('link', { name: /^Notifications/ }).click();
		await page.getByRole('link', { name: 'What reaches you' }).click();
		await page.getByRole('button', { name: 'Turn on push here' }).click();
		await expect(page.getByText('Push is on for this device.')).toBeVisible();
		// Whatever the hour where the test runs: no quiet hours.
		await page.getByLabel('Hold pushes and emails in quiet hours').uncheck();
		await page.getByRole('button', { name: 'Save choices' }).click();
		await expect(page.getByText('Your choices are saved.')).toBeVisible();

		// Ben proposes; the delivery job pushes it to Ana's device.
		expect((await ben.request.post(`/api/v1/households/${householdId}/proposals`, { data: proposal('Solar panels') })).status()).toBe(201);
		await expect.poll(() => service.bodies.length, { timeout: 45_000 }).toBe(1);
		const message = JSON.parse(ece.decrypt(service.bodies[0]!, { version: 'aes128gcm', privateKey: ecdh, authSecret: auth }).toString());
		expect(message).toMatchObject({ title: 'Ben asks for your vote: Solar panels', path: expect.stringMatching(new RegExp(`^/h/${householdId}/proposals/`)) });

		// The service worker shows what a push carries (delivered here through the DevTools protocol).
		const cdp = await page.context().newCDPSession(page);
		const registration = new Promise<string>((done) => {
			cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
				const mine = registrations.find((r) => !r.isDeleted);
				if (mine) done(mine.registrationId);
			});
		});
		await cdp.send('ServiceWorker.enable');
		const registrationId = await registration;
		await cdp.send('ServiceWorker.deliverPushMessage', { origin: new URL(page.url()).origin, registrationId, data: JSON.stringify(message) });
		await expect
			.poll(() => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => [n.title, n.data?.path])), {
				timeout: 10_000
			})
			.toEqual([[message.title, message.path]]);

		await page.getByRole('button', { name: 'Turn off push here' }).click();
		await expect(page.getByText('Push is off for this device.')).toBeVisible();
		await close();
		service.server.close();
	});
});
