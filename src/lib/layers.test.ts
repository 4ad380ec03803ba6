/**
 * The layers of docs/ARCHITECTURE.md, checked: pure code ($lib outside server/) never
 * imports server code, no module imports itself back through others (an import
 * cycle makes load order matter and hides which module owns a concept), and code that
 * runs outside SvelteKit (scripts, through jobs and seeding) needs no `$app/*` module.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve('src');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.(ts|svelte)$/.test(entry.name) && !/\.(test|spec)\.ts$/.test(entry.name) ? [path] : [];
	});
}

const files = sourceFiles(join(root, 'lib'));
const scripts = readdirSync('scripts')
	.filter((entry) => entry.endsWith('.ts'))
	.map((entry) => resolve('scripts', entry));
const known = new Set([...files, ...scripts]);

/** The project files a module imports (types included: a type cycle is still a cycle of concepts). */
function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const targets: string[] = [];
	for (const match of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
		const spec = match[1]!;
		const base = spec.startsWith('$lib/') ? join(root, 'lib', spec.slice(5)) : spec.startsWith('.') ? resolve(dirname(file), spec) : null;
		if (!base) continue;
		const found = [base, `${base}.ts`, join(base, 'index.ts')].find((candidate) => known.has(candidate));
		if (found) targets.push(found);
	}
	return targets;
}

const graph = new Map([...files, ...scripts].map((file) => [file, importsOf(file)]));
const name = (file: string) => relative(root, file);

/** `$app/*` imports that stay at run time (`import type` is erased, so it is no import at all). */
const appImports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^import (?!type )[^;]*?from '(\$app\/[^']+)'/gm)].map((match) => match[1]!);

describe('the layers', () => {
	it('pure code never imports server code', () => {
		const crossings = files
			.filter((file) => !name(file).startsWith('lib/server/'))
			.flatMap((file) =>
				graph
					.get(file)!
					.filter((target) => name(target).startsWith('lib/server/'))
					.map((target) => `${name(file)} → ${name(target)}`)
			);
		expect(crossings).toEqual([]);
	});

	it('has no import cycle', () => {
		const state = new Map<string, 'open' | 'done'>();
		const cycles: string[] = [];
		const visit = (file: string, path: string[]) => {
			state.set(file, 'open');
			for (const target of graph.get(file)!) {
				if (state.get(target) === 'open') cycles.push([...path.slice(path.indexOf(target)), target].map(name).join(' → '));
				else if (!state.has(target)) visit(target, [...path, target]);
			}
			state.set(file, 'done');
		};
		for (const file of files) if (!state.has(file)) visit(file, [file]);
		expect(cycles).toEqual([]);
	});

	it('scripts reach no $app module (SvelteKit provides them only inside the app)', () => {
		const reached = new Set<string>();
		const visit = (file: string) => {
			if (reached.has(file)) return;
			reached.add(file);
			for (const target of graph.get(file)!) visit(target);
		};
		for (const script of scripts) visit(script);
		const uses = [...reached].flatMap((file) => appImports(file).map((module) => `${name(file)} imports ${module}`));
		expect(reached.size).toBeGreaterThan(scripts.length);
		expect(uses).toEqual([]);
	});
});
