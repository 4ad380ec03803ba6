/**
 * The commons' words and shapes, once: shared things (rooms, vehicles, tools, appliances)
 * and their bookings — the value lists the forms, the API, the database and the labels
 * use, and the shapes the domain returns and the API serves.
 */
import { z } from 'zod';
import { idField } from '$lib/schema-fields';
import { labelsOf } from '$lib/i18n/labels';
import { m } from '$lib/paraglide/messages';

export const THING_KINDS = ['room', 'vehicle', 'tool', 'appliance', 'other'] as const;
export const BOOKING_STATUSES = ['pending', 'confirmed', 'cancelled', 'declined'] as const;
export const BOOKER_ROLES = ['adult', 'youth', 'child', 'guest'] as const;
export const COST_UNITS = ['hour', 'day', 'km'] as const;

export type ThingKind = (typeof THING_KINDS)[number];
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export type CostUnit = (typeof COST_UNITS)[number];

/** Statuses that hold the slot (the database's exclusion constraint says the same). */
export const HOLDING_STATUSES: readonly BookingStatus[] = ['pending', 'confirmed'];

export const THING_KIND_LABELS = labelsOf<ThingKind>({
	room: m.shared_kind_room,
	vehicle: m.shared_kind_vehicle,
	tool: m.shared_kind_tool,
	appliance: m.shared_kind_appliance,
	other: m.shared_kind_other
});

export const BOOKING_STATUS_LABELS = labelsOf<BookingStatus>({
	pending: m.booking_status_pending,
	confirmed: m.booking_status_confirmed,
	cancelled: m.booking_status_cancelled,
	declined: m.booking_status_declined
});

/** "€2.00 per hour" as a select shows it: the unit's words. */
export const COST_UNIT_LABELS = labelsOf<CostUnit>({ hour: m.shared_cost_per_hour, day: m.shared_cost_per_day, km: m.shared_cost_per_km });

/** What using a thing costs, and who is paid: a member (the owner) or a house fund. */
export const thingCostSchema = /* @__PURE__ */ z
	.object({
		amountMinor: z.number().int().meta({ description: 'Price per unit, in minor units of the house’s currency' }),
		unit: z.enum(COST_UNITS),
		paidToMemberId: idField.nullable().meta({ description: 'Who is paid (the owner); null when it is paid into a fund' }),
		paidToFundId: idField.nullable().meta({ description: 'The house fund it is paid into (owed to the fund by whoever had it); null when a member is paid' })
	})
	.meta({ id: 'ThingCost' });

/** A thing's booking rules; null: no limit. */
export const thingRulesSchema = /* @__PURE__ */ z
	.object({
		bookableBy: z.array(z.enum(BOOKER_ROLES)).meta({ description: 'Roles whose members may book it (a child’s booking is made by an adult)' }),
		maxBookingMinutes: z.number().int().nullable().meta({ description: 'The longest booking' }),
		maxDaysAhead: z.number().int().nullable().meta({ description: 'How far ahead a booking may start' }),
		monthlyMinutesPerMember: z.number().int().nullable().meta({ description: 'Booked time per member per calendar month (in the house’s time zone)' }),
		bufferMinutes: z.number().int().meta({ description: 'Kept free after each booking' }),
		needsApproval: z.boolean().meta({ description: 'A booking by a member who is not an admin waits for an admin’s yes' })
	})
	.meta({ id: 'ThingRules' });

export const thingSchema = /* @__PURE__ */ z
	.object({
		id: idField,
		name: z.string(),
		kind: z.enum(THING_KINDS),
		description: z.string(),
		rules: thingRulesSchema,
		cost: thingCostSchema.nullable().meta({ description: 'Charged when a booking is brought back, as an expense paid by the owner' }),
		active: z.boolean(),
		version: z.number().int()
	})
	.meta({ id: 'SharedThing' });

export const bookingSchema = /* @__PURE__ */ z
	.object({
		id: idField,
		thingId: idField,
		memberId: idField,
		bookedByMemberId: idField,
		startsAt: z.string(),
		endsAt: z.string(),
		status: z.enum(BOOKING_STATUSES),
		note: z.string(),
		seriesId: idField.nullable(),
		checkedOutAt: z.string().nullable(),
		checkoutNote: z.string().nullable(),
		returnedAt: z.string().nullable(),
		returnNote: z.string().nullable(),
		startKm: z.number().int().nullable(),
		endKm: z.number().int().nullable(),
		expenseId: idField.nullable().meta({ description: 'What using it cost, made when it was brought back' })
	})
	.meta({ id: 'Booking' });

export type ThingRules = z.infer<typeof thingRulesSchema>;

/** A new thing's rules unless it says otherwise: adults and youths may book, no limits, no buffer, no approval. */
export const DEFAULT_THING_RULES: Readonly<ThingRules> = Object.freeze<ThingRules>({
	bookableBy: ['adult', 'youth'],
	maxBookingMinutes: null,
	maxDaysAhead: null,
	monthlyMinutesPerMember: null,
	bufferMinutes: 0,
	needsApproval: false
});
export type SharedThing = z.infer<typeof thingSchema>;
export type ThingCost = z.infer<typeof thingCostSchema>;
export type Booking = z.infer<typeof bookingSchema>;
