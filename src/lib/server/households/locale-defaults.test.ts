import { describe, expect, it } from 'vitest';
import { guessHouseholdDefaults } from './locale-defaults';

describe('guessHouseholdDefaults', () => {
	it('guesses from the first language with a known region', () => {
		expect(guessHouseholdDefaults('de-DE,de;q=0.9,en;q=0.8')).toEqual({ currency: 'EUR', timezone: 'Europe/Berlin' });
		expect(guessHouseholdDefaults('en-GB')).toEqual({ currency: 'GBP', timezone: 'Europe/London' });
		expect(guessHouseholdDefaults('ja')).toEqual({ currency: 'JPY', timezone: 'Asia/Tokyo' });
	});

	it('falls back to EUR and UTC', () => {
		expect(guessHouseholdDefaults(null)).toEqual({ currency: 'EUR', timezone: 'UTC' });
		expect(guessHouseholdDefaults('!!garbage')).toEqual({ currency: 'EUR', timezone: 'UTC' });
	});
});
