import { locales } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import { daysBetween } from '$lib/dates';
import { z } from 'zod';
import { displayNameField, emailField } from '$lib/server/auth/schemas';
import { calendarDate, freeText, fromForm, singleLineText } from '$lib/server/validation';

export const ROLES = ['adult', 'youth', 'child', 'guest'] as const;
export const roleField = z.enum(ROLES, { error: 'Choose adult, youth, child or guest.' });

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export const currencyField = z
	.string({ error: 'Choose a currency.' })
	.trim()
	.toUpperCase()
	.refine((code) => CURRENCIES.has(code), 'Choose a currency by its ISO 4217 code, like EUR or USD.')
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
	.string({ error: 'Choose a time zone.' })
	.trim()
	.transform((zone, ctx) => {
		const canonical = canonicalTimeZone(zone);
		if (!canonical) {
			ctx.addIssue({ code: 'custom', message: 'Choose a time zone like Europe/Berlin or America/New_York.' });
			return z.NEVER;
		}
		return canonical;
	})
	.meta({ example: 'Europe/Berlin' });

export const householdNameField = singleLineText('Name the household.');

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

const weightField = (what: string) =>
	z
		.number({ error: `Enter the ${what} as a number, like 1 or 0.5.` })
		.min(0, `The ${what} cannot be negative.`)
		.max(100, `The ${what} can be at most 100.`)
		.refine((n) => Number.isFinite(n) && Math.round(n * 1000) === n * 1000, `Use at most three decimals for the ${what}.`);

export const shareWeightField = weightField('share weight');
export const choreCapacityField = weightField('chore capacity');

/** One role's starting parts: absent fields keep the built-in preset. */
const rolePresetInput = z.object({ shareWeight: shareWeightField, choreCapacity: choreCapacityField }).strict();

export const householdDefaultsInput = z
	.object({
		splitMode: z.enum(['auto', 'equal', 'weights', 'shares', 'percent', 'exact'], { error: 'Choose how a new expense is split.' }),
		rememberPayerSplit: z.boolean(),
		rolePresets: z.object({ adult: rolePresetInput, youth: rolePresetInput, child: rolePresetInput, guest: rolePresetInput }).strict()
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
				[`${role}_choreCapacity`, choreCapacityField]
			])
		) as Record<`${(typeof ROLES)[number]}_${'shareWeight' | 'choreCapacity'}`, typeof shareWeightField>)
	})
).transform((form): HouseholdDefaultsInput => ({
	splitMode: form.splitMode,
	rememberPayerSplit: form.rememberPayerSplit,
	rolePresets: Object.fromEntries(
		ROLES.map((role) => [role, { shareWeight: form[`${role}_shareWeight`], choreCapacity: form[`${role}_choreCapacity`] }])
	) as HouseholdDefaultsInput['rolePresets']
}));

/** As stored (role_presets may hold only the roles a house changed). */
export const storedRolePresets = z
	.object({ adult: rolePresetInput.partial(), youth: rolePresetInput.partial(), child: rolePresetInput.partial(), guest: rolePresetInput.partial() })
	.partial()
	.strict();

export const memberInput = z
	.object({
		displayName: displayNameField,
		role: roleField,
		isAdmin: z.boolean().optional(),
		shareWeight: shareWeightField.optional().meta({ description: 'Default: the role’s (adult 1, youth 0.5, child 0, guest 1)' }),
		choreCapacity: choreCapacityField.optional().meta({ description: 'Default: the role’s (adult 1, youth 0.75, child 0.5, guest 0)' }),
		allowSameName: z.boolean().optional().meta({ description: 'Add them though an active member has the same name (otherwise 422 same_name)' }),
		locale: memberLocaleField
	})
	.refine((m) => !m.isAdmin || m.role === 'adult', { path: ['isAdmin'], message: 'Only adults can be admins.' })
	.meta({ id: 'MemberInput' });

export const memberPatch = z
	.object({
		displayName: displayNameField.optional(),
		role: roleField.optional(),
		isAdmin: z.boolean({ error: 'Say true or false.' }).optional(),
		shareWeight: shareWeightField.optional(),
		choreCapacity: choreCapacityField.optional(),
		active: z.boolean({ error: 'Say true or false.' }).optional(),
		locale: memberLocaleField,
		version: z.number({ error: 'Send the version you edited.' }).int().min(1, 'Send the version you edited.')
	})
	.meta({ id: 'MemberPatch' });

export const inviteInput = z
	.object({
		role: roleField,
		memberId: z.uuid({ error: 'Choose a member from the list.' }).optional(),
		maxUses: z
			.number({ error: 'Enter how many people may use the link.' })
			.int('Use a whole number.')
			.min(1, 'At least 1.')
			.max(1000, 'At most 1000.')
			.optional(),
		expiresInDays: z
			.number({ error: 'Enter the days until the link expires.' })
			.int('Use a whole number of days.')
			.min(1, 'At least 1 day.')
			.max(90, 'At most 90 days.')
			.optional(),
		email: emailField.optional().meta({ description: 'Also send the link to this address (needs ORIGIN set on the server)' })
	})
	.meta({ id: 'InviteInput' });

export const MAX_ABSENCE_DAYS = 366;

export const absenceInput = z
	.object({
		from: calendarDate('first'),
		to: calendarDate('last'),
		note: freeText(500).trim().optional()
	})
	.refine((a) => a.to >= a.from, { path: ['to'], message: 'The last day cannot be before the first.' })
	.refine((a) => daysBetween(a.from, a.to) < MAX_ABSENCE_DAYS, {
		path: ['to'],
		message: 'Record an absence of at most a year; add another one for longer.'
	})
	.meta({ id: 'AbsenceInput' });

export type HouseholdInput = z.infer<typeof householdInput>;
export type MemberInput = z.infer<typeof memberInput>;
export type MemberPatch = z.infer<typeof memberPatch>;
export type InviteInput = z.infer<typeof inviteInput>;
export type AbsenceInput = z.infer<typeof absenceInput>;
