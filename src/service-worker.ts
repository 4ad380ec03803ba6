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

const worker = self as unknown as ServiceWorkerGlobalScope;
const SHELL = `shell-${version}`;
const PAGES = 'pages';
const shellFiles = new Set([...build, ...files]);

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
	if (url.pathname.endsWith('/__data.json')) {
		event.respondWith(fetch(request).catch(() => offlineData()));
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
		return cached ? offlineCopy(cached) : offlinePage(await keptPages());
	}
	if (key) await keep(key, response.clone()).catch(() => undefined);
	return response;
}

async function keep(key: string, response: Response): Promise<void> {
	const cache = await caches.open(PAGES);
	// Sent elsewhere (the session ended, say): the old copy is not theirs to read any more.
	if (!response.ok || response.redirected) await cache.delete(key);
	else await cache.put(key, await withSavedAt(response));
}

async function withSavedAt(response: Response): Promise<Response> {
	const headers = new Headers(response.headers);
	headers.set(SAVED_AT_HEADER, new Date().toISOString());
	return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
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
function offlineData(): Response {
	return new Response(
		JSON.stringify({
			message: 'You are offline. Home, Chores and Balances open without a connection once you have seen them on this device.',
			code: 'offline'
		}),
		{
			status: 503,
			headers: { 'content-type': 'application/json' }
		}
	);
}

const PAGE_NAMES: Array<[RegExp, string]> = [
	[/\/chores$/, 'Chores'],
	[/\/balances$/, 'Balances'],
	[/.*/, 'Home']
];

function offlinePage(kept: string[]): Response {
	const links = kept.map((path) => `<li><a href="${path}">${PAGE_NAMES.find(([pattern]) => pattern.test(path))![1]}</a></li>`).join('');
	const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Offline · Hearth</title>
<style>body{font-family:system-ui,sans-serif;margin:0;padding:2rem 1rem;background:#fbf8f4;color:#22201d;line-height:1.5}main{max-width:32rem;margin:auto}a{color:#a2461f;display:inline-block;min-height:44px;line-height:44px}</style></head>
<body><main><h1>You are offline</h1><p>This page was not saved on this device. ${kept.length ? 'These were, as you last saw them:' : 'Open Home, Chores or Balances once while online to read them offline.'}</p>${kept.length ? `<ul>${links}</ul>` : ''}</main></body></html>`;
	return new Response(body, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
}
