// `npm run build`: the app once per language, so a page's scripts carry its reader's words
// only (Paraglide would otherwise ship every message a page uses in all five languages).
//
// Each language's build compiles the messages for that language alone into the browser's
// scripts (vite.config.ts: specializeClientMessages); the server stays one, speaking every
// language. The base language's build is the app in `build/`; the others add their browser
// files (content-hashed, so a name shared by two builds is the same file) and a map from the
// base build's file names to theirs, which the server uses to point a page at its
// language's scripts (src/lib/server/client-locales.ts).
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { baseLocale, locales } from '../src/lib/paraglide/runtime.js';
import { CLIENT_LOCALES_FILE, clientFileMap, type ClientFileLists } from '../src/lib/server/client-locales';

// Each build has a SvelteKit folder of its own (kit.outDir, svelte.config.js), so they can run side by side.
const kitFolder = (locale: string) => (locale === baseLocale ? '.svelte-kit' : `.svelte-kit/locale-build-${locale}`);
const outputOf = (locale: string) => join(kitFolder(locale), 'output');
const STAGED = '.svelte-kit/locale-clients';
// Every build must agree on the version: the browser's scripts find the page's settings under a name made from it.
const version = process.env.HEARTH_BUILD_VERSION ?? String(Date.now());

function viteBuild(locale: string, out: string): Promise<void> {
	const started = Date.now();
	// SvelteKit leaves an earlier build's browser files in its output; only this build's may be copied.
	rmSync(outputOf(locale), { recursive: true, force: true });
	const child = spawn('npx', ['vite', 'build', '--logLevel', 'warn'], {
		stdio: 'inherit',
		env: {
			...process.env,
			HEARTH_CLIENT_LOCALE: locale,
			HEARTH_BUILD_VERSION: version,
			HEARTH_BUILD_OUT: out,
			HEARTH_KIT_FOLDER: kitFolder(locale)
		}
	});
	return new Promise((done) =>
		child.on('exit', (code) => {
			if (code !== 0) process.exit(code ?? 1);
			console.log(`Built the ${locale} client in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
			done();
		})
	);
}

/** Runs the builds a few at a time: rollup mostly keeps one core busy, so two cores take two builds at once. */
async function inTurns(jobs: (() => Promise<void>)[], atOnce: number): Promise<void> {
	const queue = [...jobs];
	await Promise.all(
		Array.from({ length: atOnce }, async () => {
			for (let job = queue.shift(); job; job = queue.shift()) await job();
		})
	);
}

/** The browser files SvelteKit's server names for each page and for the app's start, as the last build wrote them. */
function readFileLists(locale: string): ClientFileLists {
	const output = outputOf(locale);
	const lists: ClientFileLists = {};
	const arrays = (source: string, names: string[]) =>
		names.flatMap((name) => JSON.parse(source.match(new RegExp(`\\b${name}\\s*[:=]\\s*(\\[[^\\]]*\\])`))?.[1] ?? '[]'));
	const manifest = readFileSync(join(output, 'server/manifest.js'), 'utf8');
	const client = manifest.match(/client:\s*\{start:"([^"]+)",app:"([^"]+)",(.*?)\}/s);
	if (!client) throw new Error(`No client entry in ${output}/server/manifest.js: has SvelteKit changed its output?`);
	lists.app = [client[1]!, client[2]!, ...arrays(client[3]!, ['imports', 'stylesheets', 'fonts'])];
	for (const node of readdirSync(join(output, 'server/nodes'))) {
		lists[`node ${node}`] = arrays(readFileSync(join(output, 'server/nodes', node), 'utf8'), ['imports', 'stylesheets', 'fonts']);
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
const started = Date.now();
await inTurns(
	[baseLocale, ...others].map((locale) => () => viteBuild(locale, locale === baseLocale ? 'build' : join(kitFolder(locale), 'unused-server'))),
	Math.max(1, Math.min(availableParallelism(), 3))
);
const base = readFileLists(baseLocale);
const map: Record<string, Record<string, string>> = {};
for (const locale of others) {
	map[locale] = clientFileMap(base, readFileLists(locale), locale);
	cpSync(join(outputOf(locale), 'client/_app/immutable'), join(STAGED, 'immutable'), { recursive: true, force: false });
	rmSync(kitFolder(locale), { recursive: true, force: true });
}
precompress(join(STAGED, 'immutable'));
cpSync(join(STAGED, 'immutable'), 'build/client/_app/immutable', { recursive: true, force: false });
mkdirSync('build', { recursive: true });
writeFileSync(join('build', CLIENT_LOCALES_FILE), JSON.stringify(map));
rmSync(STAGED, { recursive: true, force: true });
console.log(`Built Hearth in ${locales.length} languages into build/ in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
