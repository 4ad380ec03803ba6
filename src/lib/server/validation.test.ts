import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromForm, parseForm, unstorableTextAt } from './validation';
import { absenceInput, householdInput, memberInput, memberPatch } from './households/schemas';
import { signUpInput } from './auth/schemas';

function form(entries: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries(entries)) for (const v of [value].flat()) data.append(key, v);
	return data;
}

describe('parseForm', () => {
	it('reads numbers and checkboxes from a member form', () => {
		const parsed = parseForm(fromForm(memberInput), form({ displayName: ' Leo ', role: 'child', shareWeight: '0,5', choreCapacity: '' }));
		expect(parsed).toEqual({
			ok: true,
			data: { displayName: 'Leo', role: 'child', isAdmin: false, allowSameName: false, shareWeight: 0.5, choreCapacity: undefined }
		});
	});

	it('a blank field that can be emptied (a guardian, a reminder address) empties it; a field left out changes nothing', () => {
		const cleared = parseForm(fromForm(memberPatch), form({ guardianMemberId: '', reminderEmail: ' ', version: '3' }));
		expect(cleared).toMatchObject({ ok: true, data: { guardianMemberId: null, reminderEmail: null, version: 3 } });
		const untouched = parseForm(fromForm(memberPatch), form({ displayName: 'Leo', version: '3' }));
		expect(untouched.ok && 'guardianMemberId' in untouched.data ? untouched.data.guardianMemberId : undefined).toBeUndefined();
		const refused = parseForm(fromForm(memberPatch), form({ reminderEmail: 'grandpa@', version: '3' }));
		expect(refused).toMatchObject({ ok: false, errors: { reminderEmail: expect.any(String) }, values: { reminderEmail: 'grandpa@' } });
	});

	it('gives a message per field and keeps what was typed, never the password', () => {
		const parsed = parseForm(signUpInput, form({ email: 'not-an-email', password: 'short', displayName: '' }));
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(Object.keys(parsed.errors).sort()).toEqual(['displayName', 'email', 'password']);
		expect(parsed.values).toEqual({ email: 'not-an-email', displayName: '' });
	});

	it('refuses a non-adult admin, negative or non-numeric weights', () => {
		const parsed = parseForm(fromForm(memberInput), form({ displayName: 'Kid', role: 'child', isAdmin: 'on', shareWeight: '-1', choreCapacity: 'lots' }));
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors.shareWeight).toMatch(/negative/);
		expect(parsed.errors.choreCapacity).toMatch(/number/);
	});

	it('never throws, whatever a form holds', () => {
		fc.assert(
			fc.property(fc.dictionary(fc.constantFrom('displayName', 'role', 'isAdmin', 'shareWeight', 'choreCapacity', 'x'), fc.string()), (entries) => {
				const result = parseForm(fromForm(memberInput), form(entries));
				expect(typeof result.ok).toBe('boolean');
			})
		);
	});
});

describe('household input', () => {
	it('canonicalizes time zones and currencies', () => {
		expect(householdInput.parse({ name: 'Home', currency: 'eur', timezone: 'europe/berlin' })).toEqual({
			name: 'Home',
			currency: 'EUR',
			timezone: 'Europe/Berlin'
		});
	});

	it.each([
		['timezone', { name: 'Home', currency: 'EUR', timezone: 'Mars/Olympus' }],
		['currency', { name: 'Home', currency: 'ZZZ', timezone: 'UTC' }],
		['name', { name: '  ', currency: 'EUR', timezone: 'UTC' }],
		['name', { name: 'a\u0000b', currency: 'EUR', timezone: 'UTC' }]
	])('refuses a bad %s', (field, input) => {
		const result = householdInput.safeParse(input);
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]?.path).toEqual([field]);
	});
});

describe('absence input', () => {
	it('refuses a last day before the first, impossible dates and far years', () => {
		expect(absenceInput.safeParse({ from: '2026-12-05', to: '2026-12-01' }).success).toBe(false);
		expect(absenceInput.safeParse({ from: '2026-02-30', to: '2026-03-01' }).success).toBe(false);
		expect(absenceInput.safeParse({ from: '1900-01-01', to: '1900-01-02' }).success).toBe(false);
		expect(absenceInput.safeParse({ from: '2026-01-01', to: '2027-06-01' }).success).toBe(false);
		expect(absenceInput.safeParse({ from: '2026-12-01', to: '2026-12-01' }).success).toBe(true);
	});
});

describe('bodies nested deeply', () => {
	it('are walked without recursion: 100 000 levels answer tooDeep, not a stack overflow', () => {
		const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
		expect(unstorableTextAt(deep)).toEqual({ tooDeep: true });
		expect(unstorableTextAt({ a: [{ b: 'fine' }] })).toBeNull();
		expect(unstorableTextAt({ a: [{ b: 'x\u0000' }] })).toBe('a.0.b');
	});
});
