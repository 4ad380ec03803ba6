/**
 * Lost-update protection for everything two people may edit at once (chores, members,
 * recurring expenses, household settings; expenses keep their own version history): a
 * save names the version it was made from, and a stale one is refused with 409 saying
 * what is saved now, so the form keeps what was typed and a second save is a knowing one.
 */
import { DomainError } from './errors';

/** How one field reads in a sentence, e.g. `name “Bins”`; null leaves it out of the message. */
export type Describe = (field: string, value: unknown) => string | null;

/** Throws 409 when `expected` is given and is not the version saved now. */
export function checkVersion<T extends Record<string, unknown>>(
	what: string,
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
	const now = differing.length ? ` It now has ${differing.join(', ')}.` : '';
	throw new DomainError(
		409,
		'stale_version',
		`Someone else saved this ${what} after you opened it.${now} What you typed is kept below: save again to replace their version with yours.`,
		{ version: `This ${what} changed since you opened it.` },
		undefined,
		saved.version
	);
}

/** JSON with keys in order: a value read back from jsonb (which reorders keys) compares equal. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, inner: unknown) =>
		inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b))) : inner
	);
}

/** Quoted text, as the messages show a saved value. */
export const quoted = (value: unknown) => `“${String(value)}”`;
