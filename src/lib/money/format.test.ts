import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, MAX_AMOUNT_MINOR, minorDigits, minorToInput, parseAmount } from './format';

const ok = (minor: number) => ({ ok: true, minor });

describe('parseAmount', () => {
	it.each([
		['12', 'EUR', 'en', 1200],
		['12.5', 'EUR', 'en', 1250],
		['12.50', 'EUR', 'en', 1250],
		['12,50', 'EUR', 'de', 1250],
		['12,5', 'EUR', 'en', 1250],
		['1,234.56', 'EUR', 'en', 123456],
		['1.234,56', 'EUR', 'de', 123456],
		['1,234', 'EUR', 'en', 123400],
		['1.234', 'EUR', 'de', 123400],
		[' 1 234,50 ', 'EUR', 'fr', 123450],
		['1500', 'JPY', 'en', 1500],
		['1.234', 'KWD', 'en', 1234],
		['0.005', 'KWD', 'en', 5]
	])('reads %s %s (%s)', (text, currency, locale, minor) => {
		expect(parseAmount(text, currency, locale)).toEqual(ok(minor));
	});

	it.each([
		['', 'EUR', /Enter an amount/],
		['0', 'EUR', /above zero/],
		['0.00', 'EUR', /above zero/],
		['-5', 'EUR', /above zero/],
		['12.345', 'EUR', /at most 2 decimals/],
		['12.5', 'JPY', /no decimals/],
		['1.2345', 'KWD', /at most 3 decimals/],
		['abc', 'EUR', /like/],
		['1e5', 'EUR', /like/],
		['NaN', 'EUR', /like/],
		['Infinity', 'EUR', /like/],
		['12..5', 'EUR', /like/],
		['12.', 'EUR', /like/],
		['1,2,3', 'EUR', /like/],
		['99999999999999999', 'EUR', /too large/],
		['100000001', 'EUR', /too large/]
	])('refuses %s %s', (text, currency, message) => {
		const result = parseAmount(text, currency);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toMatch(message);
	});

	it('reads back every amount it formats for input', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: MAX_AMOUNT_MINOR }), fc.constantFrom('EUR', 'JPY', 'KWD', 'USD'), (minor, currency) => {
				expect(parseAmount(minorToInput(minor, currency), currency)).toEqual(ok(minor));
			})
		);
	});
});

describe('formatMoney', () => {
	it('formats in the currency’s own digits', () => {
		expect(formatMoney(123456, 'EUR', 'en')).toBe('€1,234.56');
		expect(formatMoney(1500, 'JPY', 'en')).toBe('¥1,500');
		expect(formatMoney(1234, 'KWD', 'en')).toMatch(/^KWD\s1\.234$/);
		expect(minorDigits('KWD')).toBe(3);
		expect(minorToInput(-5, 'EUR')).toBe('-0.05');
	});
});

describe('amounts in the reader’s language', () => {
	it('reads Arabic-Indic digits and the Arabic decimal mark, as an Arabic keyboard types them', () => {
		expect(parseAmount('١٢٫٥٠', 'EGP', 'ar-EG')).toEqual({ ok: true, minor: 1250 });
		expect(parseAmount('١٬٢٣٤٫٥', 'EGP', 'ar-EG')).toEqual({ ok: true, minor: 123450 });
		expect(parseAmount('۱۲', 'EUR', 'ar')).toEqual({ ok: true, minor: 1200 });
	});

	it('refuses in the language of the request, with an example written its way', async () => {
		const { inLocale } = await import('$lib/server/i18n');
		expect(inLocale('de', () => parseAmount('abc', 'EUR', 'de-DE'))).toEqual({ ok: false, message: 'Gib einen Betrag wie 12,50 ein.' });
		expect(inLocale('pl', () => parseAmount('1.234', 'JPY', 'pl-PL'))).toMatchObject({ ok: true });
		expect(inLocale('es', () => parseAmount('', 'EUR', 'es-ES'))).toEqual({ ok: false, message: 'Indica un importe.' });
		expect(parseAmount('abc', 'EUR', 'en-GB')).toEqual({ ok: false, message: 'Enter an amount like 12.50.' });
	});

	it('formats money as each locale writes it', () => {
		expect(formatMoney(123450, 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
		expect(formatMoney(123450, 'PLN', 'pl-PL')).toBe('1234,50\u00a0zł');
		expect(formatMoney(123450, 'EGP', 'ar-EG')).toMatch(/١٬٢٣٤٫٥٠/);
	});
});
