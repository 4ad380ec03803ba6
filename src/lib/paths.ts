/**
 * SvelteKit's `resolve(routeId, params)` (from `$app/paths`) for code that also runs outside
 * SvelteKit: jobs, scripts and mail, which cannot import `$app/*` at run time. The same
 * typed route ids (a renamed route fails the type check) and the same path: the app has
 * no base path and its paths are absolute (svelte.config.js). Pages, components and
 * actions use `resolve` itself.
 */
import type { ResolvedPathname, RouteId, RouteParams } from '$app/types';

export function pathTo<T extends RouteId>(route: T, params: RouteParams<T>, search?: Record<string, string>): ResolvedPathname {
	const values = params as Record<string, string>;
	const path = route.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
	return (search ? `${path}?${new URLSearchParams(search)}` : path) as ResolvedPathname;
}
