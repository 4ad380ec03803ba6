/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The installable app's worker: the app shell (scripts, styles, icons) from the cache, and
 * the last-seen dashboard, chore calendar and balances for reading offline. Everything
 * else goes to the network as usual; a write never waits in a queue (offline, the page
 * refuses it and keeps what was typed: $lib/offline/connection.ts).
 */
import { build, files, version } from '$service-worker';
import { markOfflineCopy, SAVED_AT_HEADER, savedPageKey } from '$lib/offline/pages';
import { m } from '$lib/paraglide/messages';
import { baseLocale, localeOfTag, negotiateLocale, textDirection, type Locale } from '$lib/i18n/locales';

const worker = self as unknown as ServiceWorkerGlobalScope;
const SHELL = `shell-${version}`;
const PAGES = 'pages';
// The language of the last page kept, so what the worker itself says offline is in the reader's words.
const LANGUAGE = 'language';
const LANGUAGE_KEY = '/offline-language';
const shellFiles = new Set([...build, ...files]);
const IMMUTABLE = '/_app/immutable/';

worker.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(SHELL)
			.then((cache) => cache.addAll([...shellFiles]))
			.then(() => worker.skipWaiting())
	);
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((key) => key.startsWith('shell-') && key !== SHELL).map((key) => caches.delete(key))))
			.then(() => worker.clients.claim())
	);
});

worker.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (url.origin !== worker.location.origin) return;
	if (request.method !== 'GET') {
		// Logging out forgets every page kept for this person.
		if (url.pathname === '/logout') event.waitUntil(caches.delete(PAGES));
		return;
	}
	if (shellFiles.has(url.pathname)) {
		event.respondWith(caches.match(request).then((cached) => cached ?? fetch(request)));
		return;
	}
	// Another language's scripts (`build` lists the base language's): kept as they are first
	// fetched, so a page seen in German opens offline with its German scripts. Their names
	// change with their content, so a kept one is never stale.
	if (url.pathname.startsWith(IMMUTABLE)) {
		event.respondWith(keptOrFetched(request));
		return;
	}
	if (url.pathname.endsWith('/__data.json')) {
		event.respondWith(fetch(request).catch(async () => offlineData(await offlineLanguage(request))));
		return;
	}
	if (request.mode === 'navigate') event.respondWith(navigate(request, url));
});

/** Network first; a kept page is saved on the way through and served when the network fails. */
async function navigate(request: Request, url: URL): Promise<Response> {
	const key = savedPageKey(url);
	let response: Response;
	try {
		response = await fetch(request);
	} catch {
		const cached = key ? await (await caches.open(PAGES)).match(key) : undefined;
		const locale = await offlineLanguage(request);
		return cached ? offlineCopy(cached) : offlinePage(await keptPages(), locale);
	}
	if (key) await keep(key, response.clone()).catch(() => undefined);
	return response;
}

async function keptOrFetched(request: Request): Promise<Response> {
	const cache = await caches.open(SHELL);
	const cached = await cache.match(request);
	if (cached) return cached;
	const response = await fetch(request);
	if (response.ok) await cache.put(request, response.clone()).catch(() => undefined);
	return response;
}

async function keep(key: string, response: Response): Promise<void> {
	const cache = await caches.open(PAGES);
	// Sent elsewhere (the session ended, say): the old copy is not theirs to read any more.
	if (!response.ok || response.redirected) {
		await cache.delete(key);
		return;
	}
	const html = await response.text();
	const locale = localeOfTag(/<html[^>]*\blang="([^"]+)"/.exec(html.slice(0, 500))?.[1]);
	if (locale) await (await caches.open(LANGUAGE)).put(LANGUAGE_KEY, new Response(locale));
	await cache.put(key, withSavedAt(html, response));
}

function withSavedAt(html: string, response: Response): Response {
	const headers = new Headers(response.headers);
	headers.set(SAVED_AT_HEADER, new Date().toISOString());
	return new Response(html, { status: response.status, statusText: response.statusText, headers });
}

/** The language the reader last read a kept page in, else their browser's. */
async function offlineLanguage(request: Request): Promise<Locale> {
	const kept = await (await caches.open(LANGUAGE)).match(LANGUAGE_KEY);
	return localeOfTag(kept ? await kept.text() : null) ?? negotiateLocale(request.headers.get('accept-language')) ?? baseLocale;
}

async function offlineCopy(cached: Response): Promise<Response> {
	const savedAt = cached.headers.get(SAVED_AT_HEADER) ?? new Date().toISOString();
	return new Response(markOfflineCopy(await cached.text(), savedAt), { status: 200, headers: cached.headers });
}

async function keptPages(): Promise<string[]> {
	const cache = await caches.open(PAGES);
	return (await cache.keys()).map((request) => new URL(request.url).pathname);
}

// A page's own data, asked for by the app while offline: an error the app shows in words.
function offlineData(locale: Locale): Response {
	return new Response(
		JSON.stringify({
			message: m.offline_data({}, { locale }),
			code: 'offline'
		}),
		{
			status: 503,
			headers: { 'content-type': 'application/json' }
		}
	);
}

const PAGE_NAMES: Array<[RegExp, (locale: Locale) => string]> = [
	[/\/chores$/, (locale) => m.nav_chores({}, { locale })],
	[/\/balances$/, (locale) => m.nav_balances({}, { locale })],
	[/.*/, (locale) => m.nav_home({}, { locale })]
];

function offlinePage(kept: string[], locale: Locale): Response {
	const say = { locale };
	const links = kept.map((path) => `<li><a href="${path}">${PAGE_NAMES.find(([pattern]) => pattern.test(path))![1](locale)}</a></li>`).join('');
	const title = m.offline_page_title({}, say);
	const body = `<!doctype html><html lang="${locale}" dir="${textDirection(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Hearth</title>
<style>body{font-family:system-ui,sans-serif;margin:0;padding:2rem 1rem;background:#fbf8f4;color:#22201d;line-height:1.5}main{max-width:32rem;margin:auto}a{color:#a2461f;display:inline-block;min-height:44px;line-height:44px}</style></head>
<body><main><h1>${title}</h1><p>${m.offline_page_not_saved({}, say)} ${kept.length ? m.offline_page_kept({}, say) : m.offline_page_open_first({}, say)}</p>${kept.length ? `<ul>${links}</ul>` : ''}</main></body></html>`;
	return new Response(body, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/**
 * A push from this server (server/notifications/push.ts): its title, the page to open and
 * a tag (the event's id), so a resend replaces the notification rather than doubling it.
 */
worker.addEventListener('push', (event) => {
	let message: { title?: string; path?: string; tag?: string } = {};
	try {
		message = event.data?.json() ?? {};
	} catch {
		// Not ours, or not JSON: show nothing rather than something wrong.
		return;
	}
	if (!message.title) return;
	event.waitUntil(
		worker.registration.showNotification(message.title, {
			tag: message.tag,
			data: { path: message.path ?? '/' },
			icon: '/icons/icon-192.png',
			badge: '/icons/icon-192.png'
		})
	);
});

/** A tap opens the page it is about: in a Hearth window already open if there is one. */
worker.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const path = typeof event.notification.data?.path === 'string' && event.notification.data.path.startsWith('/') ? event.notification.data.path : '/';
	const url = new URL(path, worker.location.origin).href;
	event.waitUntil(
		(async () => {
			const windows = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
			const open = windows.find((client) => new URL(client.url).origin === worker.location.origin) as WindowClient | undefined;
			if (open) {
				await open.focus();
				await open.navigate(url);
				return;
			}
			await worker.clients.openWindow(url);
		})()
	);
});
