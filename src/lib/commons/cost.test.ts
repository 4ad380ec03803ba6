import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookingCharge } from './cost';

const at = (hours: number) => new Date(Date.UTC(2026, 11, 3, 9) + hours * 3_600_000);
const booking = (hours: number, startKm: number | null = null, endKm: number | null = null) => ({ startsAt: at(0), endsAt: at(hours), startKm, endKm });

describe('what a booking costs', () => {
	it('by the hour to the minute, by each started day, by the km driven', () => {
		expect(bookingCharge({ amountMinor: 150, unit: 'hour' }, booking(2.5))).toEqual({ amountMinor: 375, quantity: 2.5, unit: 'hour' });
		expect(bookingCharge({ amountMinor: 1000, unit: 'day' }, booking(25))).toEqual({ amountMinor: 2000, quantity: 2, unit: 'day' });
		expect(bookingCharge({ amountMinor: 1000, unit: 'day' }, booking(3))).toEqual({ amountMinor: 1000, quantity: 1, unit: 'day' });
		expect(bookingCharge({ amountMinor: 20, unit: 'km' }, booking(3, 48_210, 48_330))).toEqual({ amountMinor: 2400, quantity: 120, unit: 'km' });
	});

	it('charges nothing by the km without both readings, or when none were driven', () => {
		expect(bookingCharge({ amountMinor: 20, unit: 'km' }, booking(3))).toBeNull();
		expect(bookingCharge({ amountMinor: 20, unit: 'km' }, booking(3, 100, 100))).toBeNull();
	});

	it('never charges less for a longer booking, and is always whole minor units (property)', () => {
		fc.assert(
			fc.property(
				fc.constantFrom('hour' as const, 'day' as const),
				fc.integer({ min: 1, max: 100_000 }),
				fc.integer({ min: 1, max: 24 * 90 * 60 }),
				fc.integer({ min: 0, max: 24 * 60 }),
				(unit, price, minutes, more) => {
					const short = bookingCharge({ amountMinor: price, unit }, booking(minutes / 60));
					const long = bookingCharge({ amountMinor: price, unit }, booking((minutes + more) / 60));
					expect(Number.isSafeInteger(long?.amountMinor ?? 0)).toBe(true);
					expect(long?.amountMinor ?? 0).toBeGreaterThanOrEqual(short?.amountMinor ?? 0);
				}
			)
		);
	});
});
