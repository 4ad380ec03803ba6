import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// scripts/build.ts builds once per language: the base language's server goes to build/, the others' elsewhere.
		adapter: adapter({ out: process.env.HEARTH_BUILD_OUT ?? 'build' }),
		// …each in a SvelteKit folder of its own, so that they can run at the same time.
		outDir: process.env.HEARTH_KIT_FOLDER ?? '.svelte-kit',
		// …and all those builds share one version, which names the page's settings for the browser's scripts.
		version: process.env.HEARTH_BUILD_VERSION ? { name: process.env.HEARTH_BUILD_VERSION } : {},
		// Links are absolute paths (resolve('/h/[hid]/chores', …) gives /h/…/chores) in server-rendered
		// pages, redirects and the browser alike, so a link names one place whatever page it is on.
		paths: { relative: false },
		// Nonces for SvelteKit's own inline bootstrap script; no other inline script may run.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'base-uri': ['self'],
				'object-src': ['none'],
				'frame-ancestors': ['none']
			}
		},
		// CSRF: the same origin check on form posts as SvelteKit's own, made in hooks.server.ts
		// (crossSiteFormPost), so that one-click unsubscribe links (RFC 8058) — posted by mail
		// programs with no Origin, authorised by their signature, not a cookie — can pass.
		csrf: { trustedOrigins: ['*'] }
	}
};

export default config;
