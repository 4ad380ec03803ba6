/**
 * The languages Hearth speaks, and what each one means for formatting: the one home for
 * "which locale" questions (the messages themselves are Paraglide's, in `messages/`).
 */
import { baseLocale, isLocale, locales, type Locale } from '$lib/paraglide/runtime';

export { baseLocale, isLocale, locales, type Locale };

/** Each language by its own name: a person looking for theirs reads it in their script. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch', es: 'Español', pl: 'Polski', ar: 'العربية' };

/** Languages written right to left. */
const RIGHT_TO_LEFT: ReadonlySet<string> = new Set(['ar']);

export function textDirection(locale: string): 'ltr' | 'rtl' {
	return RIGHT_TO_LEFT.has(locale.split('-')[0] ?? '') ? 'rtl' : 'ltr';
}

/**
 * The region a language formats for when the browser names none (dates, numbers, money):
 * English as written in most of the world that uses it (day before month), Arabic with
 * the Arabic-Indic digits most Arabic readers expect.
 */
const DEFAULT_REGION: Record<Locale, string> = { en: 'en-GB', de: 'de-DE', es: 'es-ES', pl: 'pl-PL', ar: 'ar-EG' };

/** The language part of a BCP 47 tag, when Hearth speaks it ("de-AT" → "de"). */
export function localeOfTag(tag: string | null | undefined): Locale | null {
	const language = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
	return language && isLocale(language) ? language : null;
}

/**
 * The best of Hearth's languages for an Accept-Language header, by the browser's own order
 * of preference (q values), or null when it names none of them.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
	if (!acceptLanguage) return null;
	const ranked = acceptLanguage
		.split(',')
		.slice(0, 20)
		.map((part, index) => {
			const [tag, ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			return { tag: tag ?? '', q: q ? Number(q.slice(2)) : 1, index };
		})
		.filter((entry) => Number.isFinite(entry.q) && entry.q > 0)
		.sort((a, b) => b.q - a.q || a.index - b.index);
	for (const entry of ranked) {
		const locale = localeOfTag(entry.tag);
		if (locale) return locale;
	}
	return null;
}

/**
 * The tag `Intl` formats with: the browser's own tag when it is in the chosen language
 * (an Austrian's "de-AT", an American's "en-US"), else the language's usual region.
 */
export function formattingLocale(locale: Locale, acceptLanguage?: string | null): string {
	const first = acceptLanguage?.split(',')[0]?.split(';')[0]?.trim();
	if (first && localeOfTag(first) === locale && first.includes('-')) {
		try {
			return Intl.getCanonicalLocales(first)[0] ?? DEFAULT_REGION[locale];
		} catch {
			// An unreadable tag: the language's usual region.
		}
	}
	return DEFAULT_REGION[locale];
}

/** Weekdays as date-fns counts them: 0 Sunday … 6 Saturday. */
export type WeekStart = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Where Intl cannot say (browsers without week info): the first day by region, from CLDR. */
const SUNDAY_REGIONS = new Set(['US', 'CA', 'MX', 'BR', 'JP', 'IL', 'SA', 'PH', 'IN', 'AU', 'ZA', 'KR', 'TW', 'HK', 'CN']);
const SATURDAY_REGIONS = new Set(['EG', 'AE', 'DZ', 'IQ', 'JO', 'KW', 'LY', 'OM', 'QA', 'SD', 'SY', 'BH', 'AF', 'IR', 'DJ']);

/** The first day of the week where a person lives: Monday in Europe, Sunday in the US, Saturday in Egypt. */
export function firstDayOfWeek(tag: string): WeekStart {
	try {
		const locale = new Intl.Locale(tag) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
		const info = locale.getWeekInfo?.() ?? locale.weekInfo;
		if (info) return (info.firstDay % 7) as WeekStart;
		const region = locale.maximize().region ?? '';
		return SUNDAY_REGIONS.has(region) ? 0 : SATURDAY_REGIONS.has(region) ? 6 : 1;
	} catch {
		return 1;
	}
}

/** A plain number (a share weight, an effort) in the reader's digits and decimal mark. */
export function formatNumber(value: number, locale: string): string {
	return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value);
}
