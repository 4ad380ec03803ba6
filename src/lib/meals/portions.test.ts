import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rolePresets } from '$lib/households/roles';
import { chargedPortions, eatersOf, formatPortions, mealCharge, totalPortions, type MealMember } from './portions';

const presets = rolePresets();
const adult = (id: string, active = true): MealMember => ({ id, role: 'adult', active, guardianMemberId: null });
const ana = adult('ana');
const ben = adult('ben');
const kid: MealMember = { id: 'kid', role: 'child', active: true, guardianMemberId: 'ben' };
const said = (memberId: string, eating: boolean, portions = 1, guests = 0, signedByMemberId = memberId) => ({
	memberId,
	eating,
	portions,
	guests,
	signedByMemberId
});

describe('who eats', () => {
	it('in a sign-up house: those who said yes, with their guests as guest portions', () => {
		const eaters = eatersOf('sign_up', [ana, ben, kid], [said('ana', true, 1, 2), said('ben', false)], presets);
		expect(eaters).toEqual([{ memberId: 'ana', portions: 3, chargedToMemberId: 'ana' }]);
	});

	it('in a sign-out house: every active member but those who said no, at their role’s portions', () => {
		const gone = adult('gone', false);
		const eaters = eatersOf('sign_out', [ana, ben, kid, gone], [said('ben', false)], presets);
		expect(eaters).toEqual([
			{ memberId: 'ana', portions: 1, chargedToMemberId: 'ana' },
			{ memberId: 'kid', portions: 0.5, chargedToMemberId: 'ben' }
		]);
	});

	it('charges a child’s portions to the adult who signed them up, else to their guardian', () => {
		const signedByAna = eatersOf('sign_up', [ana, ben, kid], [said('kid', true, 0.5, 0, 'ana')], presets);
		expect(signedByAna[0]!.chargedToMemberId).toBe('ana');
		const orphan: MealMember = { ...kid, guardianMemberId: null };
		expect(eatersOf('sign_up', [orphan], [said('kid', true, 0.5)], presets)[0]!.chargedToMemberId).toBe('kid');
	});

	it('follows the house’s presets (a house where children eat a whole portion)', () => {
		const hungry = rolePresets({ child: { mealPortions: 1 } });
		expect(totalPortions(eatersOf('sign_out', [ana, kid], [], hungry))).toBe(2);
	});

	it('merges what each payer is charged for, and counts every portion once (property)', () => {
		const member = fc.record({
			id: fc.uuid(),
			role: fc.constantFrom('adult' as const, 'youth' as const, 'child' as const),
			active: fc.boolean(),
			guardianMemberId: fc.constant(null)
		});
		fc.assert(
			fc.property(
				fc.uniqueArray(member, { selector: (m) => m.id, maxLength: 12 }),
				fc.constantFrom('sign_up' as const, 'sign_out' as const),
				fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 5 })), { maxLength: 12 }),
				(members, attendance, answers) => {
					const diners = members.slice(0, answers.length).map((m, i) => said(m.id, answers[i]![0], answers[i]![1] / 100, answers[i]![2]));
					const eaters = eatersOf(attendance, members, diners, presets);
					const charged = chargedPortions(eaters);
					expect(Math.abs(totalPortions(charged.map((c) => ({ ...c, chargedToMemberId: c.memberId }))) - totalPortions(eaters))).toBeLessThan(1e-9);
					expect(new Set(charged.map((c) => c.memberId)).size).toBe(charged.length);
					for (const eater of eaters) expect(eater.portions).toBeGreaterThan(0);
				}
			)
		);
	});
});

describe('what a meal charges', () => {
	it('is all of it without a cap, at most the cap per portion with one', () => {
		expect(mealCharge(3840, 5.5, null)).toBe(3840);
		expect(mealCharge(3840, 5.5, 500)).toBe(2750);
		expect(mealCharge(2000, 5.5, 500)).toBe(2000);
	});

	it('never charges more than was spent, in whole minor units (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 10_000_000 }),
				fc.integer({ min: 1, max: 100_000 }),
				fc.option(fc.integer({ min: 1, max: 100_000 })),
				(spent, hundredths, cap) => {
					const charged = mealCharge(spent, hundredths / 100, cap);
					expect(Number.isSafeInteger(charged)).toBe(true);
					expect(charged).toBeLessThanOrEqual(spent);
					if (cap !== null) expect(charged).toBeLessThanOrEqual(cap * (hundredths / 100));
				}
			)
		);
	});

	it('writes portions as the reader does', () => {
		expect(formatPortions(2.5, 'de')).toBe('2,5');
		expect(formatPortions(3, 'en')).toBe('3');
	});
});
