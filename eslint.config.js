import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'src/lib/paraglide/', '.data/', 'node_modules/', 'test-results/', 'playwright-report/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
		}
	},
	{
		// Promises: one forgotten await lets a request answer before its write, or loses an error.
		files: ['src/**/*.ts', 'src/**/*.svelte', 'scripts/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
		// The service worker has its own types (webworker), outside the app's tsconfig.
		ignores: ['src/service-worker.ts'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'] } },
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
			'@typescript-eslint/await-thenable': 'error',
			'@typescript-eslint/require-await': 'off'
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// Links are built with resolve-free plain paths in this app; the rule wants $app/paths everywhere.
			'svelte/no-navigation-without-resolve': 'error'
		}
	}
);
