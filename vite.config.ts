import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { PARAGLIDE_OPTIONS, STATIC_LOCALE_EXPRESSION } from './paraglide.config.js';
import type { Plugin } from 'vite';

/**
 * The browser's scripts for one language (HEARTH_CLIENT_LOCALE, set by `npm run build`, see
 * scripts/build.ts): each message's "which language?" becomes that language, so the
 * minifier drops the other four. The server's code is left to ask per request.
 */
function specializeClientMessages(locale = process.env.HEARTH_CLIENT_LOCALE): Plugin {
	let specialized = 0;
	return {
		name: 'hearth-client-messages',
		enforce: 'pre',
		apply: 'build',
		transform(code) {
			if (!locale || this.environment.config.consumer !== 'client' || !code.includes(STATIC_LOCALE_EXPRESSION)) return;
			specialized++;
			// Paraglide's warning against asking for another language in such a bundle: the browser never does (only the server tells others' words).
			const withoutWarning = code.replaceAll(/^\s*if \(.*\) console\.warn\("Paraglide: options\.locale cannot override.*$/gm, '');
			return { code: withoutWarning.replaceAll(STATIC_LOCALE_EXPRESSION, JSON.stringify(locale)), map: null };
		},
		buildEnd() {
			// Paraglide writing its messages differently would silently ship every language again.
			if (locale && this.environment.config.consumer === 'client' && specialized === 0)
				this.error(`No message was specialized for ${locale}: does Paraglide still compile experimentalStaticLocale into each message?`);
		}
	};
}

export default defineConfig({
	build: {
		reportCompressedSize: false,
		rolldownOptions: {
			// @date-fns/tz declares no sideEffects, so its TZDate (which patches its own class on load) would ride along
			// in every browser script that touches $lib/dates; the browser never asks for a zone's today, so it may go.
			treeshake: {
				// (Any other module keeps its own declaration: undefined, not true.)
				moduleSideEffects: (id: string) => (/[\\/]@date-fns[\\/]tz[\\/]/.test(id) ? false : undefined)
			}
		}
	},
	// Tests use what `npm run messages` compiled (npm test runs it first): the plugin's watcher would keep Vitest from exiting.
	plugins: [...(process.env.VITEST ? [] : [paraglideVitePlugin(PARAGLIDE_OPTIONS)]), specializeClientMessages(), sveltekit()],
	test: {
		// Unit and domain tests beside their code; the trust suites (every route's guard, hostile input, concurrency, resilience) in tests/trust.
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/trust/**/*.test.ts'],
		globalSetup: ['src/lib/server/testing/global-setup.ts'],
		setupFiles: ['src/lib/server/testing/setup-file.ts'],
		testTimeout: 60_000,
		hookTimeout: 60_000,
		// Two cores: one fork per core keeps argon2 and Postgres from starving each other.
		maxWorkers: 2
	}
});
