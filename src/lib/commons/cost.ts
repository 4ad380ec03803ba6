/**
 * What a booking costs: by the hour (to the minute), by the day (each started 24 hours),
 * or by the km driven (the readings at taking out and bringing back). Pure; money in
 * minor units, rounded once.
 */
import type { CostUnit } from './model';

export interface Charge {
	amountMinor: number;
	/** Hours (to a tenth), days or km: what the expense's description says. */
	quantity: number;
	unit: CostUnit;
}

/** Null when there is nothing to charge (no km driven, no readings for a per-km thing). */
export function bookingCharge(
	cost: { amountMinor: number; unit: CostUnit },
	booking: { startsAt: Date; endsAt: Date; startKm: number | null; endKm: number | null }
): Charge | null {
	const minutes = Math.max(0, Math.ceil((booking.endsAt.getTime() - booking.startsAt.getTime()) / 60_000));
	if (cost.unit === 'hour') {
		const amountMinor = Math.round((minutes * cost.amountMinor) / 60);
		return amountMinor > 0 ? { amountMinor, quantity: Math.round((minutes / 60) * 10) / 10, unit: 'hour' } : null;
	}
	if (cost.unit === 'day') {
		const days = Math.max(1, Math.ceil(minutes / (24 * 60)));
		return { amountMinor: days * cost.amountMinor, quantity: days, unit: 'day' };
	}
	if (booking.startKm === null || booking.endKm === null || booking.endKm <= booking.startKm) return null;
	const km = booking.endKm - booking.startKm;
	return { amountMinor: km * cost.amountMinor, quantity: km, unit: 'km' };
}
