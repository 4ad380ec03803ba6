/**
 * Paraglide's own marker for "the language this bundle is built for": undefined on the
 * server (every message asks the request), a language's name in a browser bundle built for
 * it (vite.config.ts, scripts/build.ts), so the minifier keeps that language's words only.
 */
export const STATIC_LOCALE_EXPRESSION = '/** @type {any} */ (globalThis).__PARAGLIDE_STATIC_LOCALE__';

/**
 * How Paraglide compiles messages/*.json (project.inlang) into src/lib/paraglide: one home
 * for the Vite plugin (build, dev, tests) and `npm run messages` (type checks, scripts).
 * Hearth resolves the locale itself (src/lib/server/i18n.ts, src/hooks.client.ts), so
 * Paraglide's own strategies are only the fallback: English.
 * @type {import('@inlang/paraglide-js').CompilerOptions}
 */
export const PARAGLIDE_OPTIONS = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: ['baseLocale'],
	emitGitIgnore: false,
	emitPrettierIgnore: false,
	experimentalStaticLocale: STATIC_LOCALE_EXPRESSION
};
