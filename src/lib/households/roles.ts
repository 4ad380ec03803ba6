/**
 * What a new member of each role starts with: their part of shared costs (share weight)
 * and of the chores (chore capacity), and what they eat at a common meal (portions). Editable per member, and per house in Settings
 * (`HouseholdDefaults.rolePresets`); a child pays nothing by default.
 */
import { labelsOf } from '$lib/i18n/labels';
import { m } from '$lib/paraglide/messages';

export type Role = 'adult' | 'youth' | 'child' | 'guest';

export interface RolePreset {
	shareWeight: number;
	choreCapacity: number;
	/** What they eat at a common meal, in portions (a child half). */
	mealPortions: number;
}
export type RolePresets = Record<Role, RolePreset>;

export const ROLE_PRESETS: RolePresets = {
	adult: { shareWeight: 1, choreCapacity: 1, mealPortions: 1 },
	youth: { shareWeight: 0.5, choreCapacity: 0.75, mealPortions: 1 },
	child: { shareWeight: 0, choreCapacity: 0.5, mealPortions: 0.5 },
	guest: { shareWeight: 1, choreCapacity: 0, mealPortions: 1 }
};

export const ROLE_LABELS = labelsOf<Role>({ adult: m.role_adult, youth: m.role_youth, child: m.role_child, guest: m.role_guest });
/** The role as a word inside a sentence ("Rosa added Mia (youth)."). */
export const ROLE_WORDS = labelsOf<Role>({ adult: m.role_word_adult, youth: m.role_word_youth, child: m.role_word_child, guest: m.role_word_guest });

/** The house's presets over the built-in ones (a house may have set some roles only). */
export function rolePresets(overrides: Partial<Record<Role, Partial<RolePreset>>> = {}): RolePresets {
	const roles = Object.keys(ROLE_PRESETS) as Role[];
	return Object.fromEntries(roles.map((role) => [role, { ...ROLE_PRESETS[role], ...overrides[role] }])) as RolePresets;
}
