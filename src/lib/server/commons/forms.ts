/**
 * The commons' forms → the same inputs the JSON API takes. People type hours and days
 * (the API counts minutes); a booking's times are typed on the house's clock.
 */
import { minorToInput, parseAmount } from '$lib/money/format';
import { BOOKER_ROLES, type SharedThing } from '$lib/commons/model';
import { fieldErrors, formValues } from '$lib/server/validation';
import { instantFromFields, type FormAdapter } from '$lib/server/forms';
import { bookingInput, thingInput, thingPatch, type BookingInput, type ThingInput, type ThingPatch } from './schemas';
import { m } from '$lib/paraglide/messages';

/** The form's name for each rule, and how many minutes one of what it counts is. */
const RULE_FIELDS = {
	maxBookingMinutes: ['maxBookingHours', 60],
	maxDaysAhead: ['maxDaysAhead', 1],
	monthlyMinutesPerMember: ['monthlyHours', 60],
	bufferMinutes: ['bufferMinutes', 1]
} as const;

const COST_FIELDS: Record<string, string> = { amountMinor: 'costAmount', unit: 'costUnit', paidToMemberId: 'paidTo', paidToFundId: 'paidTo' };

const toThingField = (path: string) => {
	const [head, rule] = path.split('.');
	if (head === 'cost') return COST_FIELDS[rule ?? ''] ?? 'costAmount';
	if (head !== 'rules') return head!;
	if (rule === 'bookableBy' || rule === 'needsApproval') return rule;
	return RULE_FIELDS[rule as keyof typeof RULE_FIELDS]?.[0] ?? 'form';
};

/** "2", "1.5", "1,5" → minutes; blank → null (no limit); anything else → NaN (refused by the schema). */
function minutesOf(text: string | undefined, unit: number): number | null {
	const value = (text ?? '').trim().replace(',', '.');
	if (value === '') return null;
	if (!/^\d+(\.\d+)?$/.test(value)) return Number.NaN;
	return Math.round(Number(value) * unit);
}

/** Where the house's money is read: its currency, in the reader's way of writing amounts. */
export interface MoneyReading {
	currency: string;
	locale: string;
}

/** How a fund is told from a member in the "paid to" select. */
export const FUND_CHOICE = 'fund:';

/** The cost fields: blank amount → free; otherwise an amount, a unit and who is paid (refusals by field). */
function readCost(values: Record<string, string>, money: MoneyReading, errors: Record<string, string>) {
	const text = (values.costAmount ?? '').trim();
	if (!text) return null;
	const amount = parseAmount(text, money.currency, money.locale);
	if (!amount.ok) errors.costAmount = amount.message;
	// One select lists the members and the house's funds: a fund's choice is `fund:<id>`.
	const paidTo = values.paidTo ?? '';
	const fund = paidTo.startsWith(FUND_CHOICE) ? paidTo.slice(FUND_CHOICE.length) : null;
	return { amountMinor: amount.ok ? amount.minor : Number.NaN, unit: values.costUnit ?? '', paidToMemberId: fund === null ? paidTo : null, paidToFundId: fund };
}

function readThing(formData: FormData, money: MoneyReading, errors: Record<string, string>) {
	const values = formValues(formData);
	const rules: Record<string, unknown> = {
		bookableBy: BOOKER_ROLES.filter((role) => values[`bookableBy_${role}`]),
		needsApproval: Boolean(values.needsApproval)
	};
	for (const [rule, [field, unit]] of Object.entries(RULE_FIELDS)) rules[rule] = minutesOf(values[field], unit);
	rules.bufferMinutes ??= 0;
	return { name: values.name ?? '', kind: values.kind ?? '', description: values.description ?? '', rules, cost: readCost(values, money, errors) };
}

/** A new thing's form (`edit`: a change, which names the version it was made from). */
export function thingForm(money: MoneyReading, edit: true): FormAdapter<ThingPatch>;
export function thingForm(money: MoneyReading, edit?: false): FormAdapter<ThingInput>;
export function thingForm(money: MoneyReading, edit = false): FormAdapter<ThingInput> | FormAdapter<ThingPatch> {
	return {
		read(formData: FormData) {
			const errors: Record<string, string> = {};
			const candidate = readThing(formData, money, errors);
			const version = Number(formData.get('version'));
			const parsed = edit
				? thingPatch.safeParse({ ...candidate, version: Number.isInteger(version) && version > 0 ? version : undefined })
				: thingInput.safeParse(candidate);
			if (!parsed.success) for (const [path, message] of Object.entries(fieldErrors(parsed.error))) errors[toThingField(path)] ??= message;
			if (Object.keys(errors).length || !parsed.success) return { ok: false as const, errors };
			return { ok: true as const, input: parsed.data as ThingInput & ThingPatch };
		},
		field: toThingField
	};
}

/** A thing's rules as the form shows them (hours, days). */
export function thingValues(thing: SharedThing, currency: string): Record<string, string> {
	const hours = (minutes: number | null) => (minutes === null ? '' : String(Math.round((minutes / 60) * 100) / 100));
	return {
		name: thing.name,
		kind: thing.kind,
		description: thing.description,
		maxBookingHours: hours(thing.rules.maxBookingMinutes),
		maxDaysAhead: thing.rules.maxDaysAhead === null ? '' : String(thing.rules.maxDaysAhead),
		monthlyHours: hours(thing.rules.monthlyMinutesPerMember),
		bufferMinutes: String(thing.rules.bufferMinutes),
		...(thing.rules.needsApproval ? { needsApproval: 'on' } : {}),
		...Object.fromEntries(thing.rules.bookableBy.map((role) => [`bookableBy_${role}`, 'on'])),
		...(thing.cost
			? {
					costAmount: minorToInput(thing.cost.amountMinor, currency),
					costUnit: thing.cost.unit,
					paidTo: thing.cost.paidToFundId ? `${FUND_CHOICE}${thing.cost.paidToFundId}` : (thing.cost.paidToMemberId ?? '')
				}
			: {}),
		version: String(thing.version)
	};
}

export const NEW_THING_VALUES: Record<string, string> = { kind: 'room', bufferMinutes: '0', bookableBy_adult: 'on', bookableBy_youth: 'on', costUnit: 'hour' };

const toBookingField = (path: string) => ({ startsAt: 'startTime', endsAt: 'endTime' })[path.split('.')[0]!] ?? path.split('.')[0]!;

/** The booking form: a day and a time to start, a day and a time to end, on the house's clock. */
export function bookingForm(timezone: string): FormAdapter<BookingInput> {
	return {
		read(formData) {
			const values = formValues(formData);
			const errors: Record<string, string> = {};

			const startsAt = instantFromFields(values, errors, { day: 'startDay', time: 'startTime' }, m.v_booking_start, timezone) ?? '';
			const endsAt = instantFromFields(values, errors, { day: 'endDay', time: 'endTime' }, m.v_booking_end, timezone) ?? '';
			const parsed = bookingInput.safeParse({
				startsAt,
				endsAt,
				memberId: values.memberId || undefined,
				note: values.note ?? '',
				repeatWeeks: values.repeatWeeks ? Number(values.repeatWeeks) : 1
			});
			// A day or time already refused above says more than "give a start".
			const unread = new Set([...(startsAt ? [] : ['startsAt']), ...(endsAt ? [] : ['endsAt'])]);
			if (!parsed.success)
				for (const [path, message] of Object.entries(fieldErrors(parsed.error))) if (!unread.has(path)) errors[toBookingField(path)] ??= message;
			if (Object.keys(errors).length || !parsed.success) return { ok: false, errors };
			return { ok: true, input: parsed.data };
		},
		field: toBookingField
	};
}
