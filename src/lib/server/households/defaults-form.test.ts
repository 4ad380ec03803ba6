import { describe, expect, it } from 'vitest';
import { defaultsForm } from './defaults-form';

const filled = (more: Record<string, string> = {}) => {
	const form = new FormData();
	const fields: Record<string, string> = { splitMode: 'auto', rememberPayerSplit: 'on' };
	for (const role of ['adult', 'youth', 'child', 'guest']) {
		fields[`${role}_shareWeight`] = '1';
		fields[`${role}_choreCapacity`] = '1';
		fields[`${role}_mealPortions`] = role === 'child' ? '0.5' : '1';
	}
	for (const [name, value] of Object.entries({ ...fields, ...more })) form.set(name, value);
	return form;
};

describe('Settings → Defaults, as a form', () => {
	const form = defaultsForm({ currency: 'EUR', locale: 'de' });

	it('reads each role’s meal portions and the cap per portion, typed as the reader writes money', async () => {
		const read = await form.read(filled({ mealPortionCap: '4,50', child_mealPortions: '0,75' }));
		expect(read.ok && read.input.mealPortionCapMinor).toBe(450);
		expect(read.ok && read.input.rolePresets.child).toEqual({ shareWeight: 1, choreCapacity: 1, mealPortions: 0.75 });
		const blank = await form.read(filled({ mealPortionCap: '' }));
		expect(blank.ok && blank.input.mealPortionCapMinor).toBeNull();
	});

	it('refuses a cap or portions it cannot read, by their fields, together', async () => {
		const read = await form.read(filled({ mealPortionCap: 'lots', youth_mealPortions: '11' }));
		expect(read.ok).toBe(false);
		if (read.ok) return;
		expect(Object.keys(read.errors).sort()).toEqual(['mealPortionCap', 'youth_mealPortions']);
	});
});
