/**
 * Lost-update protection for everything two people may edit at once (chores, members,
 * recurring expenses, household settings; expenses keep their own version history): a
 * save names the version it was made from, and a stale one is refused with 409 saying
 * what is saved now, so the form keeps what was typed and a second save is a knowing one.
 */
import { DomainError } from './errors';
import { listOf } from '$lib/i18n/labels';
import { m } from '$lib/paraglide/messages';

/** How one field reads in a sentence, e.g. `name “Bins”`; null leaves it out of the message. */
export type Describe = (field: string, value: unknown) => string | null;

/** Throws 409 when `expected` is given and is not the version saved now. */
export function checkVersion<T extends Record<string, unknown>>(
	/** The thing, as its message (`m.this_chore`): "this chore" in the request's language. */
	what: () => string,
	expected: number | undefined,
	saved: { version: number } & T,
	submitted: Partial<T>,
	describe: Describe
): void {
	if (expected === undefined || expected === saved.version) return;
	const differing = Object.keys(submitted)
		.filter((field) => field !== 'version' && submitted[field] !== undefined && canonical(submitted[field]) !== canonical(saved[field]))
		.map((field) => describe(field, saved[field]))
		.filter((line): line is string => line !== null);
	const now = differing.length ? m.e_conflict_now({ changes: listOf(differing) }) : '';
	throw new DomainError(409, 'stale_version', m.e_conflict({ what: what(), now }), { version: m.e_conflict_field() }, undefined, saved.version);
}

/** JSON with keys in order: a value read back from jsonb (which reorders keys) compares equal. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, inner: unknown) =>
		inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b))) : inner
	);
}
