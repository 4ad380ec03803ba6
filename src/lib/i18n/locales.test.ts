import { describe, expect, it } from 'vitest';
import { firstDayOfWeek, formattingLocale, localeOfTag, negotiateLocale, textDirection } from './locales';

describe('choosing a language', () => {
	it('takes the browser’s best-ranked language Hearth speaks', () => {
		expect(negotiateLocale('fr-FR,fr;q=0.9,de;q=0.8,en;q=0.5')).toBe('de');
		expect(negotiateLocale('en;q=0.2, pl;q=0.9')).toBe('pl');
		expect(negotiateLocale('ar-EG')).toBe('ar');
		expect(negotiateLocale('fr, it')).toBeNull();
		expect(negotiateLocale('de;q=0, es')).toBe('es');
		expect(negotiateLocale('')).toBeNull();
		expect(negotiateLocale(';;;,,q=x')).toBeNull();
	});

	it('formats with the browser’s own region when it speaks the chosen language', () => {
		expect(formattingLocale('de', 'de-AT,de;q=0.9')).toBe('de-AT');
		expect(formattingLocale('en', 'en-US')).toBe('en-US');
		expect(formattingLocale('de', 'en-US')).toBe('de-DE');
		expect(formattingLocale('ar', null)).toBe('ar-EG');
		expect(formattingLocale('en', 'en')).toBe('en-GB');
	});

	it('knows which languages run right to left', () => {
		expect(textDirection('ar-EG')).toBe('rtl');
		expect(textDirection('de')).toBe('ltr');
		expect(localeOfTag('PL-pl')).toBe('pl');
		expect(localeOfTag('xx')).toBeNull();
	});

	it('starts the week where people do', () => {
		expect(firstDayOfWeek('de-DE')).toBe(1);
		expect(firstDayOfWeek('en-GB')).toBe(1);
		expect(firstDayOfWeek('en-US')).toBe(0);
		expect(firstDayOfWeek('ar-EG')).toBe(6);
		expect(firstDayOfWeek('not a tag')).toBe(1);
	});
});
