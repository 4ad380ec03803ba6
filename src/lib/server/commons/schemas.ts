import { z } from 'zod';
import { BOOKER_ROLES, COST_UNITS, DEFAULT_THING_RULES, THING_KINDS } from '$lib/commons/model';
import { amountMinorField } from '$lib/server/money/schemas';
import { HARD_MAX_DAYS_AHEAD, HARD_MAX_MINUTES } from '$lib/commons/booking-rules';
import { freeText, singleLineText, versionField, wholeNumber } from '$lib/server/validation';
import { m } from '$lib/paraglide/messages';

const limit = (max: number, missing: () => string) => wholeNumber(1, max, { missing }).nullable();

const rulesFields = {
	bookableBy: z
		.array(z.enum(BOOKER_ROLES, { error: () => m.v_thing_roles() }))
		.min(1, { error: () => m.v_thing_roles() })
		.max(BOOKER_ROLES.length),
	maxBookingMinutes: limit(HARD_MAX_MINUTES, () => m.v_thing_limit()),
	maxDaysAhead: limit(HARD_MAX_DAYS_AHEAD, () => m.v_thing_limit()),
	monthlyMinutesPerMember: limit(31 * 24 * 60, () => m.v_thing_limit()),
	bufferMinutes: wholeNumber(0, 1440, { missing: () => m.v_thing_limit() }),
	needsApproval: z.boolean()
};

/** A new thing's rules: what is left out takes the default (anyone but children and guests, no limits). */
export const thingRulesInput = z
	.object({
		bookableBy: rulesFields.bookableBy.default([...DEFAULT_THING_RULES.bookableBy]),
		maxBookingMinutes: rulesFields.maxBookingMinutes.default(null),
		maxDaysAhead: rulesFields.maxDaysAhead.default(null),
		monthlyMinutesPerMember: rulesFields.monthlyMinutesPerMember.default(null),
		bufferMinutes: rulesFields.bufferMinutes.default(0),
		needsApproval: rulesFields.needsApproval.default(false)
	})
	.meta({ id: 'ThingRulesInput' });

/** What using it costs, and who is paid: a member or (`paidToFundId`) a house fund, one of them; null: free. */
const costField = z
	.object({
		amountMinor: amountMinorField,
		unit: z.enum(COST_UNITS, { error: () => m.v_cost_unit() }),
		paidToMemberId: z
			.uuid({ error: () => m.v_cost_paid_to() })
			.nullable()
			.optional(),
		paidToFundId: z
			.uuid({ error: () => m.v_cost_paid_to() })
			.nullable()
			.optional()
	})
	.refine((cost) => (cost.paidToMemberId == null) !== (cost.paidToFundId == null), { path: ['paidToMemberId'], error: () => m.v_cost_paid_to() })
	.nullable()
	.meta({ id: 'ThingCostInput' });

const thingFields = {
	name: singleLineText(() => m.v_thing_name(), 80),
	kind: z.enum(THING_KINDS, { error: () => m.v_thing_kind() }),
	description: freeText(2000),
	cost: costField
};

export const thingInput = z
	.object({
		...thingFields,
		description: thingFields.description.default(''),
		cost: thingFields.cost.default(null),
		rules: thingRulesInput.default({ ...DEFAULT_THING_RULES, bookableBy: [...DEFAULT_THING_RULES.bookableBy] })
	})
	.meta({ id: 'SharedThingInput' });

/** A change: only what is sent changes (no defaults here, or a rename would reset the rules). */
export const thingPatch = z
	.object({
		name: thingFields.name.optional(),
		kind: thingFields.kind.optional(),
		description: thingFields.description.optional(),
		cost: thingFields.cost.optional(),
		rules: z.object(rulesFields).partial().optional(),
		active: z.boolean().optional(),
		version: versionField().optional()
	})
	.meta({ id: 'SharedThingPatch' });

/** At most half a year of weekly repeats in one go. */
export const MAX_REPEATS = 26;

export const bookingInput = z
	.object({
		startsAt: z.iso.datetime({ offset: true, error: () => m.v_booking_start() }),
		endsAt: z.iso.datetime({ offset: true, error: () => m.v_booking_end() }),
		memberId: z.uuid({ error: () => m.v_member_pick() }).optional(),
		note: freeText(500).trim().default(''),
		repeatWeeks: wholeNumber(1, MAX_REPEATS, { missing: () => m.v_booking_repeats() }).default(1)
	})
	.meta({ id: 'BookingInput' });

export const handOverInput = z.object({ memberId: z.uuid({ error: () => m.v_member_pick() }) }).meta({ id: 'HandOverInput' });
export const bookingNoteInput = z
	.object({
		note: freeText(500).trim().default(''),
		km: wholeNumber(0, 10_000_000, { missing: () => m.v_km() })
			.optional()
			.meta({ description: 'The odometer now (a vehicle; needed to bring back a thing that costs per km)' })
	})
	.meta({ id: 'BookingNoteInput' });
export const bookingDecisionInput = z.object({ approve: z.boolean({ error: () => m.v_booking_decision() }) }).meta({ id: 'BookingDecision' });

export type ThingInput = z.infer<typeof thingInput>;
export type ThingPatch = z.infer<typeof thingPatch>;
export type BookingInput = z.infer<typeof bookingInput>;
export type BookingNote = z.infer<typeof bookingNoteInput>;
