/**
 * A page's scripts in its reader's language. `npm run build` (scripts/build.ts) builds the
 * browser's scripts once per language, each holding only that language's messages; the
 * server is the base language's build, so the pages it renders name the base language's
 * files. Here those names are swapped for the reader's language's, from the map the build
 * wrote beside the server. Without a map (`npm run dev`, a plain `vite build`) pages keep
 * the scripts that speak every language.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLIENT_LOCALES_FILE = 'client-locales.json';

/** The browser files SvelteKit names per page node (and for the app's start), in its order. */
export type ClientFileLists = Record<string, string[]>;
/** Per language: a base build's file → that language's file, for the files that differ. */
export type ClientLocaleMaps = Record<string, Record<string, string>>;

/**
 * Which of a language's files stands for each of the base build's: the two builds come from
 * one module graph, so SvelteKit lists a page's files in the same order in both. Anything
 * else (a page with more or fewer files, one file standing for two) fails the build rather
 * than send a page scripts that do not belong together.
 */
export function clientFileMap(base: ClientFileLists, other: ClientFileLists, locale: string): Record<string, string> {
	const map: Record<string, string> = {};
	const unlike = (why: string) => new Error(`The ${locale} build's browser files do not match the base build's: ${why}`);
	if (Object.keys(base).sort().join() !== Object.keys(other).sort().join()) throw unlike('their pages differ');
	for (const [list, files] of Object.entries(base)) {
		const theirs = other[list]!;
		if (theirs.length !== files.length) throw unlike(`${list} has ${theirs.length} files, not ${files.length}`);
		files.forEach((file, i) => {
			if (file in map && map[file] !== theirs[i]) throw unlike(`${file} stands for both ${map[file]} and ${theirs[i]}`);
			map[file] = theirs[i]!;
		});
	}
	// Only the files that differ: a shared file (the framework, styles) needs no swap.
	return Object.fromEntries(Object.entries(map).filter(([file, theirs]) => file !== theirs));
}

let maps: ClientLocaleMaps | undefined;

/** The map at the top of the build (adapter-node puts this module a few folders below it), or none. */
function clientLocaleMaps(): ClientLocaleMaps {
	if (maps) return maps;
	let folder = dirname(fileURLToPath(import.meta.url));
	for (let up = 0; up < 5; up++, folder = dirname(folder)) {
		const file = join(folder, CLIENT_LOCALES_FILE);
		if (existsSync(file)) return (maps = JSON.parse(readFileSync(file, 'utf8')) as ClientLocaleMaps);
	}
	return (maps = {});
}

const CLIENT_FILE = /\/_app\/immutable\/[\w./-]+?\.(?:js|css|woff2?)\b/g;

/** The page's references to browser files, swapped for the files of the reader's language. */
export function inLocaleClient(html: string, locale: string, maps: ClientLocaleMaps = clientLocaleMaps()): string {
	const map = maps[locale];
	if (!map) return html;
	return html.replace(CLIENT_FILE, (path) => {
		const theirs = map[path.slice(1)];
		return theirs ? `/${theirs}` : path;
	});
}
