/**
 * Lost updates: two people edit the same thing; the later save, made from the version
 * both opened, is refused with 409 saying what is saved now — for members, household
 * settings, recurring expenses and chores — and a save from the current version goes through.
 */
import { describe, expect, it } from 'vitest';
import { makeHousehold, makeMember } from './testing/factories';
import { getMember, updateMember } from './households/members';
import { updateHousehold } from './households/households';
import { createRecurring, updateRecurring } from './money/recurring';
import { createChore, updateChore } from './chores/chores';
import { todayIn } from '$lib/dates';

describe('two people editing at once', () => {
	it('a member: the second save from the same version is a 409 naming what changed', async () => {
		const admin = await makeHousehold('Version House');
		const bea = await makeMember(admin, 'Bea');
		const opened = await getMember(admin.household.id, bea.id);
		await updateMember(admin, bea.id, { displayName: 'Beatrice', version: opened.version });
		const refused = updateMember(admin, bea.id, { choreCapacity: 0.5, displayName: 'Bea', version: opened.version });
		await expect(refused).rejects.toMatchObject({ status: 409, currentVersion: opened.version + 1, message: expect.stringContaining('“Beatrice”') });
		expect((await getMember(admin.household.id, bea.id)).displayName).toBe('Beatrice');
		expect((await updateMember(admin, bea.id, { displayName: 'Bea', version: opened.version + 1 })).displayName).toBe('Bea');
	});

	it('household settings', async () => {
		const admin = await makeHousehold('Settings House');
		await updateHousehold(admin.household.id, admin.member.id, { name: 'Renamed', currency: 'EUR', timezone: 'Europe/Berlin' }, 1);
		await expect(updateHousehold(admin.household.id, admin.member.id, { name: 'Mine', currency: 'EUR', timezone: 'Europe/Berlin' }, 1)).rejects.toMatchObject({
			status: 409,
			message: expect.stringContaining('“Renamed”')
		});
	});

	it('a recurring expense', async () => {
		const admin = await makeHousehold('Recurring House');
		const input = {
			description: 'Rent',
			amountMinor: 50000,
			category: 'rent',
			payers: [{ memberId: admin.member.id, amountMinor: 50000 }],
			split: { mode: 'equal' as const, parts: [{ memberId: admin.member.id }] },
			schedule: { kind: 'monthly' as const, interval: 1, dayOfMonth: 1, startOn: '2030-01-01' }
		};
		const made = await createRecurring(admin, input);
		await updateRecurring(admin, made.id, { ...input, description: 'Rent and heating' }, made.version);
		await expect(
			updateRecurring(admin, made.id, { ...input, amountMinor: 60000, payers: [{ memberId: admin.member.id, amountMinor: 60000 }] }, made.version)
		).rejects.toMatchObject({ status: 409, message: expect.stringContaining('“Rent and heating”') });
	});

	it('a chore', async () => {
		const admin = await makeHousehold('Chore Version House');
		const chore = await createChore(admin, {
			name: 'Dishes',
			effort: 1,
			schedule: { kind: 'daily', interval: 1, startOn: todayIn(admin.household.timezone) },
			assignment: { strategy: 'open', memberIds: [] }
		});
		await updateChore(admin, chore.id, { effort: 4, version: chore.version });
		await expect(updateChore(admin, chore.id, { name: 'Washing up', version: chore.version })).rejects.toMatchObject({ status: 409 });
	});
});
