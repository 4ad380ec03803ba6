// `npm run build`: the app once per language, so a page's scripts carry its reader's words
// only (Paraglide would otherwise ship every message a page uses in all five languages).
//
// Each language's build compiles the messages for that language alone into the browser's
// scripts (vite.config.ts: specializeClientMessages); the server stays one, speaking every
// language. The base language's build is the app in `build/`; the others add their browser
// files (content-hashed, so a name shared by two builds is the same file) and a map from the
// base build's file names to theirs, which the server uses to point a page at its
// language's scripts (src/lib/server/client-locales.ts).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { baseLocale, locales } from '../src/lib/paraglide/runtime.js';
import { CLIENT_LOCALES_FILE, clientFileMap, type ClientFileLists } from '../src/lib/server/client-locales';

const OUTPUT = '.svelte-kit/output';
const STAGED = '.svelte-kit/locale-clients';
// Every build must agree on the version: the browser's scripts find the page's settings under a name made from it.
const version = process.env.HEARTH_BUILD_VERSION ?? String(Date.now());

function viteBuild(locale: string, out: string): void {
	const started = Date.now();
	// SvelteKit leaves an earlier build's browser files in its output; only this build's may be copied.
	rmSync(OUTPUT, { recursive: true, force: true });
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
		stdio: 'inherit',
		env: { ...process.env, HEARTH_CLIENT_LOCALE: locale, HEARTH_BUILD_VERSION: version, HEARTH_BUILD_OUT: out }
	});
	if (result.status !== 0) process.exit(result.status ?? 1);
	console.log(`Built the ${locale} client in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

/** The browser files SvelteKit's server names for each page and for the app's start, as the last build wrote them. */
function readFileLists(): ClientFileLists {
	const lists: ClientFileLists = {};
	const arrays = (source: string, names: string[]) =>
		names.flatMap((name) => JSON.parse(source.match(new RegExp(`\\b${name}\\s*[:=]\\s*(\\[[^\\]]*\\])`))?.[1] ?? '[]'));
	const manifest = readFileSync(join(OUTPUT, 'server/manifest.js'), 'utf8');
	const client = manifest.match(/client:\s*\{start:"([^"]+)",app:"([^"]+)",(.*?)\}/s);
	if (!client) throw new Error(`No client entry in ${OUTPUT}/server/manifest.js: has SvelteKit changed its output?`);
	lists.app = [client[1]!, client[2]!, ...arrays(client[3]!, ['imports', 'stylesheets', 'fonts'])];
	for (const node of readdirSync(join(OUTPUT, 'server/nodes'))) {
		lists[`node ${node}`] = arrays(readFileSync(join(OUTPUT, 'server/nodes', node), 'utf8'), ['imports', 'stylesheets', 'fonts']);
	}
	return lists;
}

/** Gzip and Brotli beside each file, as adapter-node makes them for the base build's (served when the browser takes them). */
function precompress(folder: string): void {
	for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !/\.(?:js|css|json|svg)$/.test(entry.name)) continue;
		const file = join(entry.parentPath, entry.name);
		const content = readFileSync(file);
		writeFileSync(`${file}.gz`, gzipSync(content, { level: zlibConstants.Z_BEST_COMPRESSION }));
		writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY } }));
	}
}

rmSync(STAGED, { recursive: true, force: true });
const others = locales.filter((locale) => locale !== baseLocale);
const listsOf: Record<string, ClientFileLists> = {};
for (const locale of others) {
	viteBuild(locale, join(STAGED, 'unused-server'));
	listsOf[locale] = readFileLists();
	cpSync(join(OUTPUT, 'client/_app/immutable'), join(STAGED, 'immutable'), { recursive: true, force: false });
}
viteBuild(baseLocale, 'build');
const base = readFileLists();
const map = Object.fromEntries(others.map((locale) => [locale, clientFileMap(base, listsOf[locale]!, locale)]));
precompress(join(STAGED, 'immutable'));
cpSync(join(STAGED, 'immutable'), 'build/client/_app/immutable', { recursive: true, force: false });
mkdirSync('build', { recursive: true });
writeFileSync(join('build', CLIENT_LOCALES_FILE), JSON.stringify(map));
rmSync(STAGED, { recursive: true, force: true });
console.log(`Built Hearth in ${locales.length} languages into build/.`);
