/**
 * A first guess for a new household's currency and time zone from the browser's
 * language (Accept-Language); the form lets the person change both.
 */
import { getLocale } from '$lib/paraglide/runtime';

const EURO = 'AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK'.split(' ');

const CURRENCY_BY_REGION: Record<string, string> = {
	...Object.fromEntries(EURO.map((r) => [r, 'EUR'])),
	GB: 'GBP',
	US: 'USD',
	CA: 'CAD',
	AU: 'AUD',
	NZ: 'NZD',
	CH: 'CHF',
	SE: 'SEK',
	NO: 'NOK',
	DK: 'DKK',
	PL: 'PLN',
	CZ: 'CZK',
	HU: 'HUF',
	RO: 'RON',
	BG: 'BGN',
	JP: 'JPY',
	CN: 'CNY',
	IN: 'INR',
	BR: 'BRL',
	MX: 'MXN',
	AR: 'ARS',
	ZA: 'ZAR',
	KR: 'KRW',
	SG: 'SGD',
	HK: 'HKD',
	TR: 'TRY',
	IL: 'ILS',
	KW: 'KWD',
	AE: 'AED',
	UA: 'UAH',
	CL: 'CLP'
};

const ZONE_BY_REGION: Record<string, string> = {
	AT: 'Europe/Vienna',
	BE: 'Europe/Brussels',
	DE: 'Europe/Berlin',
	ES: 'Europe/Madrid',
	FI: 'Europe/Helsinki',
	FR: 'Europe/Paris',
	GR: 'Europe/Athens',
	IE: 'Europe/Dublin',
	IT: 'Europe/Rome',
	NL: 'Europe/Amsterdam',
	PT: 'Europe/Lisbon',
	GB: 'Europe/London',
	CH: 'Europe/Zurich',
	SE: 'Europe/Stockholm',
	NO: 'Europe/Oslo',
	DK: 'Europe/Copenhagen',
	PL: 'Europe/Warsaw',
	CZ: 'Europe/Prague',
	HU: 'Europe/Budapest',
	US: 'America/New_York',
	CA: 'America/Toronto',
	MX: 'America/Mexico_City',
	BR: 'America/Sao_Paulo',
	AR: 'America/Argentina/Buenos_Aires',
	AU: 'Australia/Sydney',
	NZ: 'Pacific/Auckland',
	JP: 'Asia/Tokyo',
	CN: 'Asia/Shanghai',
	IN: 'Asia/Kolkata',
	KR: 'Asia/Seoul',
	SG: 'Asia/Singapore',
	ZA: 'Africa/Johannesburg',
	TR: 'Europe/Istanbul',
	IL: 'Asia/Jerusalem'
};

/** Regions of the listed languages, most preferred first; a bare `de` counts as DE. */
function regions(acceptLanguage: string | null): string[] {
	if (!acceptLanguage) return [];
	return acceptLanguage
		.split(',')
		.map((part) => part.split(';')[0]!.trim())
		.flatMap((tag) => {
			try {
				const locale = new Intl.Locale(tag).maximize();
				return locale.region ? [locale.region] : [];
			} catch {
				return [];
			}
		});
}

export function guessHouseholdDefaults(acceptLanguage: string | null): { currency: string; timezone: string } {
	const region = regions(acceptLanguage).find((r) => CURRENCY_BY_REGION[r]);
	return {
		currency: (region && CURRENCY_BY_REGION[region]) ?? 'EUR',
		timezone: (region && ZONE_BY_REGION[region]) ?? 'UTC'
	};
}

const currencyOptions = new Map<string, Array<{ code: string; name: string }>>();
/** Every currency Intl knows, named in the reader's language (kept per language). */
export function listCurrencies(locale: string = getLocale()): Array<{ code: string; name: string }> {
	let options = currencyOptions.get(locale);
	if (!options) {
		const names = new Intl.DisplayNames([locale], { type: 'currency' });
		options = Intl.supportedValuesOf('currency').map((code) => ({ code, name: names.of(code) ?? code }));
		currencyOptions.set(locale, options);
	}
	return options;
}

export function listTimeZones(): string[] {
	return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
}
