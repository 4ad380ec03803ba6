/**
 * The one money parser and formatter, shared by server and browser. Amounts are
 * integers in the currency's minor unit (cents for EUR, yen for JPY, fils for KWD).
 */
import { m } from '$lib/paraglide/messages';

/** Above this an amount is a typo, not a household bill (10 000 000 000 minor units). */
export const MAX_AMOUNT_MINOR = 10_000_000_000;

/*
 * Building an Intl formatter costs far more than using one (pages format hundreds of
 * amounts): each one is made once per currency and locale, then kept.
 */
const digitsByCurrency = new Map<string, number>();
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function minorDigits(currency: string): number {
	let digits = digitsByCurrency.get(currency);
	if (digits === undefined) {
		digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
		digitsByCurrency.set(currency, digits);
	}
	return digits;
}

export type ParsedAmount = { ok: true; minor: number } | { ok: false; message: string };

function decimalSeparator(locale: string): string {
	// Arabic's own decimal mark reads as a point (parseAmount turns it into one).
	return (new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.').replace('\u066b', '.');
}

/**
 * Reads an amount as people type it: `12`, `12.5`, `12,50`, `1.234,56`, `1,234.56`.
 * With both `.` and `,` the last one is the decimal point; a lone one is the decimal
 * point unless exactly three digits follow, where the locale decides (`1,234`).
 */
export function parseAmount(text: string, currency: string, locale = 'en'): ParsedAmount {
	const digits = minorDigits(currency);
	const cleaned = westernDigits(text.trim())
		.replace(/[\s\u00a0\u202f'\u066c]/g, '')
		.replace(/\u066b/g, '.');
	const like = (example: number) => m.amount_like({ example: exampleAmount(example, locale) });
	if (cleaned === '') return { ok: false, message: m.amount_enter() };
	if (cleaned.startsWith('-')) return { ok: false, message: m.amount_above_zero() };
	if (!/^\d[\d.,]*$/.test(cleaned) || /[.,]{2}|[.,]$/.test(cleaned)) return { ok: false, message: like(12.5) };

	const separators = cleaned.replace(/\d/g, '');
	const last = Math.max(cleaned.lastIndexOf('.'), cleaned.lastIndexOf(','));
	const tail = cleaned.slice(last + 1);
	// A lone separator before exactly three digits is ambiguous (1,234 or 1.234): the locale decides.
	const isDecimal = new Set(separators).size === 2 || (separators.length === 1 && (tail.length !== 3 || cleaned[last] === decimalSeparator(locale)));
	let integer = isDecimal ? cleaned.slice(0, last) : cleaned;
	const fraction = isDecimal ? tail : '';
	if (/[.,]/.test(integer) && !/^\d{1,3}([.,]\d{3})*$/.test(integer)) return { ok: false, message: like(1234.5) };
	if (new Set(integer.replace(/\d/g, '')).size > 1) return { ok: false, message: like(1234.5) };
	integer = integer.replace(/[.,]/g, '');
	if (fraction.length > digits) {
		return { ok: false, message: digits === 0 ? m.amount_no_decimals({ currency }) : m.amount_max_decimals({ digits, currency }) };
	}
	if (integer.length > 15) return { ok: false, message: m.amount_too_large() };
	const minor = Number(integer) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
	if (minor === 0) return { ok: false, message: m.amount_above_zero() };
	if (minor > MAX_AMOUNT_MINOR) return { ok: false, message: m.amount_too_large() };
	return { ok: true, minor };
}

/** Arabic-Indic and Persian digits (what an Arabic keyboard types) as 0–9. */
function westernDigits(text: string): string {
	return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.codePointAt(0)! - 0x0660) % 0x90));
}

/** An example amount in the reader's own way of writing it ("12.50", "12,50"), without a currency. */
function exampleAmount(value: number, locale: string): string {
	// Western digits, whatever the locale's own: the example is what to type.
	return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, useGrouping: false, numberingSystem: 'latn' }).format(value);
}

/** `1234` EUR → "€12.34" (en) or "12,34 €" (de). */
export function formatMoney(minor: number, currency: string, locale = 'en'): string {
	const digits = minorDigits(currency);
	const key = `${locale}|${currency}`;
	let format = moneyFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
		// Locales come from requests: keep the map bounded whatever they send.
		if (moneyFormats.size > 200) moneyFormats.clear();
		moneyFormats.set(key, format);
	}
	return format.format(minor / 10 ** digits);
}

/** The plain number for an input field: `1234` EUR → "12.34". Exact: no floating point. */
export function minorToInput(minor: number, currency: string): string {
	const digits = minorDigits(currency);
	if (digits === 0) return String(minor);
	const sign = minor < 0 ? '-' : '';
	const text = String(Math.abs(minor)).padStart(digits + 1, '0');
	return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
