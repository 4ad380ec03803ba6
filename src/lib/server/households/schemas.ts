import { locales } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import { daysBetween } from '$lib/dates';
import { z } from 'zod';
import { displayNameField, emailField } from '$lib/server/auth/schemas';
import { calendarDate, freeText, fromForm, singleLineText, versionField, wholeNumber } from '$lib/server/validation';
import { amountMinorField } from '$lib/server/money/schemas';
import { MAX_PORTIONS } from '$lib/meals/model';

export const ROLES = ['adult', 'youth', 'child', 'guest'] as const;
export const roleField = z.enum(ROLES, { error: () => m.v_role() });

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export const currencyField = z
	.string({ error: () => m.v_currency() })
	.trim()
	.toUpperCase()
	.refine((code) => CURRENCIES.has(code), { error: () => m.v_currency_code() })
	.meta({ example: 'EUR' });

/** The canonical spelling of an IANA zone, or null when Intl does not know it. */
export function canonicalTimeZone(zone: string): string | null {
	if (!/^[A-Za-z0-9_+\-/]{1,64}$/.test(zone)) return null;
	try {
		return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
	} catch {
		return null;
	}
}

export const timezoneField = z
	.string({ error: () => m.v_zone() })
	.trim()
	.transform((zone, ctx) => {
		const canonical = canonicalTimeZone(zone);
		if (!canonical) {
			ctx.addIssue({ code: 'custom', message: m.v_zone_like() });
			return z.NEVER;
		}
		return canonical;
	})
	.meta({ example: 'Europe/Berlin' });

export const householdNameField = singleLineText(() => m.v_household_name());

/** One of Hearth's languages. */
export const localeField = z.enum(locales, { error: () => m.language_invalid() });

/** A member's language: one of Hearth's, or null (the form's "household") for the household's. */
const memberLocaleField = z
	.preprocess((value) => (value === '' || value === 'household' ? null : value), localeField.nullable())
	.optional()
	.meta({ description: 'For a member without a login: the language of their reminders; null for the household’s' });

export const householdInput = z
	.object({
		name: householdNameField,
		currency: currencyField,
		timezone: timezoneField,
		locale: localeField.optional().meta({ description: 'The language of what the household shares as a whole (calendar feeds, exports); default `en`' })
	})
	.meta({ id: 'HouseholdInput' });

const weightField = () =>
	z
		.number({ error: () => m.v_weight_number() })
		.min(0, { error: () => m.v_not_negative() })
		.max(100, { error: () => m.v_at_most({ max: 100 }) })
		.refine((n) => Number.isFinite(n) && Math.round(n * 1000) === n * 1000, { error: () => m.v_decimals_three() });

export const shareWeightField = weightField();
export const choreCapacityField = weightField();

/** Portions one person eats at a common meal: 0–10, in hundredths (half a portion for a child). */
export const mealPortionsField = z
	.number({ error: () => m.v_meal_portions() })
	.min(0, { error: () => m.v_meal_portions() })
	.max(MAX_PORTIONS, { error: () => m.v_meal_portions() })
	.refine((n) => Number.isFinite(n) && Math.round(n * 100) === n * 100, { error: () => m.v_meal_portions() });

/** One role's starting parts (a meal's portions may be left out: the built-in preset's). */
const rolePresetInput = z.object({ shareWeight: shareWeightField, choreCapacity: choreCapacityField, mealPortions: mealPortionsField.optional() }).strict();

export const householdDefaultsInput = z
	.object({
		splitMode: z.enum(['auto', 'equal', 'weights', 'shares', 'percent', 'exact'], { error: () => m.v_split_default() }),
		rememberPayerSplit: z.boolean(),
		rolePresets: z.object({ adult: rolePresetInput, youth: rolePresetInput, child: rolePresetInput, guest: rolePresetInput }).strict(),
		mealPortionCapMinor: amountMinorField
			.nullable()
			.default(null)
			.meta({ description: 'The most one portion of a common meal costs those who ate (the cooks carry the rest); null: no cap' })
	})
	.meta({ id: 'HouseholdDefaults' });
export type HouseholdDefaultsInput = z.infer<typeof householdDefaultsInput>;
/** The Settings form's flat fields (`child_shareWeight`, …), read into the same input. */
export const householdDefaultsForm = fromForm(
	z.object({
		splitMode: householdDefaultsInput.shape.splitMode,
		rememberPayerSplit: z.boolean(),
		...(Object.fromEntries(
			ROLES.flatMap((role) => [
				[`${role}_shareWeight`, shareWeightField],
				[`${role}_choreCapacity`, choreCapacityField],
				[`${role}_mealPortions`, mealPortionsField]
			])
		) as Record<`${(typeof ROLES)[number]}_${'shareWeight' | 'choreCapacity' | 'mealPortions'}`, typeof shareWeightField>)
	})
).transform((form): Omit<HouseholdDefaultsInput, 'mealPortionCapMinor'> => ({
	splitMode: form.splitMode,
	rememberPayerSplit: form.rememberPayerSplit,
	rolePresets: Object.fromEntries(
		ROLES.map((role) => [
			role,
			{ shareWeight: form[`${role}_shareWeight`], choreCapacity: form[`${role}_choreCapacity`], mealPortions: form[`${role}_mealPortions`] }
		])
	) as HouseholdDefaultsInput['rolePresets']
}));

/** As stored (role_presets may hold only the roles a house changed). */
export const storedRolePresets = z
	.object({ adult: rolePresetInput.partial(), youth: rolePresetInput.partial(), child: rolePresetInput.partial(), guest: rolePresetInput.partial() })
	.partial()
	.strict();

/** For a member without a login: an adult of the house (with a login) who gets their chore reminders; null (a blank field) for nobody. */
const guardianField = z
	.uuid({ error: () => m.v_guardian() })
	.nullable()
	.optional()
	.meta({ description: 'For a member without a login: the member (an adult with a login) who gets their chore reminders' });

/** For a member without a login: an address that gets their chore reminders (no account); null (a blank field) for none. */
const reminderEmailField = emailField
	.nullable()
	.optional()
	.meta({ description: 'For a member without a login: an email address for their chore reminders only (no account)' });

export const memberInput = z
	.object({
		displayName: displayNameField,
		role: roleField,
		isAdmin: z.boolean().optional(),
		shareWeight: shareWeightField.optional().meta({ description: 'Default: the role’s (adult 1, youth 0.5, child 0, guest 1)' }),
		choreCapacity: choreCapacityField.optional().meta({ description: 'Default: the role’s (adult 1, youth 0.75, child 0.5, guest 0)' }),
		allowSameName: z.boolean().optional().meta({ description: 'Add them though an active member has the same name (otherwise 422 same_name)' }),
		locale: memberLocaleField,
		guardianMemberId: guardianField,
		reminderEmail: reminderEmailField
	})
	.refine((member) => !member.isAdmin || member.role === 'adult', { path: ['isAdmin'], error: () => m.v_admin_adult() })
	.meta({ id: 'MemberInput' });

export const memberPatch = z
	.object({
		displayName: displayNameField.optional(),
		role: roleField.optional(),
		isAdmin: z.boolean({ error: () => m.v_true_false() }).optional(),
		shareWeight: shareWeightField.optional(),
		choreCapacity: choreCapacityField.optional(),
		active: z.boolean({ error: () => m.v_true_false() }).optional(),
		locale: memberLocaleField,
		guardianMemberId: guardianField,
		reminderEmail: reminderEmailField,
		version: versionField()
	})
	.meta({ id: 'MemberPatch' });

export const inviteInput = z
	.object({
		role: roleField,
		memberId: z.uuid({ error: () => m.v_member_from_list() }).optional(),
		maxUses: wholeNumber(1, 1000, { missing: () => m.v_invite_uses() }).optional(),
		expiresInDays: wholeNumber(1, 90, {
			missing: () => m.v_invite_days(),
			whole: () => m.v_whole_days(),
			range: { below: () => m.v_at_least_days({ min: 1 }), above: () => m.v_at_most_days({ max: 90 }) }
		}).optional(),
		email: emailField.optional().meta({ description: 'Also send the link to this address (needs ORIGIN set on the server)' })
	})
	.meta({ id: 'InviteInput' });

export const MAX_ABSENCE_DAYS = 366;

export const absenceInput = z
	.object({
		from: calendarDate(),
		to: calendarDate(),
		note: freeText(500).trim().optional()
	})
	.refine((a) => a.to >= a.from, { path: ['to'], error: () => m.v_last_before_first() })
	.refine((a) => daysBetween(a.from, a.to) < MAX_ABSENCE_DAYS, {
		path: ['to'],
		error: () => m.v_absence_year()
	})
	.meta({ id: 'AbsenceInput' });

export type HouseholdInput = z.infer<typeof householdInput>;
export type MemberInput = z.infer<typeof memberInput>;
export type MemberPatch = z.infer<typeof memberPatch>;
export type InviteInput = z.infer<typeof inviteInput>;
export type AbsenceInput = z.infer<typeof absenceInput>;
