import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { baseLocale, locales } from './locales';

type Message = string | Array<{ declarations: string[]; selectors: string[]; match: Record<string, string> }>;
const catalog = (locale: string): Record<string, Message> => {
	const { $schema: _schema, ...messages } = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, Message>;
	return messages;
};
const base = catalog(baseLocale);
/** The placeholders a message uses, in every variant. */
const placeholders = (message: Message) => {
	const texts = typeof message === 'string' ? [message] : message.flatMap((variant) => Object.values(variant.match));
	return new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1])));
};
/** Plural categories each language needs (CLDR, as Intl knows them). */
const pluralForms = (locale: string) => new Intl.PluralRules(locale).resolvedOptions().pluralCategories;

describe('the message catalogues', () => {
	for (const locale of locales.filter((l) => l !== baseLocale)) {
		const translated = catalog(locale);
		it(`${locale} has every key of English and no other`, () => {
			expect(Object.keys(translated).sort()).toEqual(Object.keys(base).sort());
		});
		it(`${locale} translates: no message is left in English`, () => {
			// Words that are the same in both languages are few and short; a copied sentence is not.
			const copied = Object.keys(base).filter((key) => JSON.stringify(translated[key]) === JSON.stringify(base[key]) && JSON.stringify(base[key]).length > 12);
			expect(copied).toEqual([]);
		});
		it(`${locale} uses the same placeholders as English`, () => {
			const wrong = Object.keys(base).filter(
				(key) => translated[key] && [...placeholders(base[key]!)].sort().join() !== [...placeholders(translated[key]!)].sort().join()
			);
			expect(wrong).toEqual([]);
		});
		it(`${locale} gives every plural message each form its language has`, () => {
			for (const [key, message] of Object.entries(translated)) {
				if (typeof message === 'string') continue;
				const forms = Object.keys(message[0]!.match).map((k) => k.split('=')[1]);
				expect(forms.sort(), key).toEqual(expect.arrayContaining([...pluralForms(locale)].sort()));
			}
		});
	}
});

describe('plurals, as each language counts', () => {
	it('Polish: one, few and many on votes and decimals', () => {
		const votes = (cast: number) => m.outcome_yes_of_cast({ yes: 1, cast }, { locale: 'pl' });
		expect(votes(1)).toBe('1 za z 1 oddanego głosu');
		expect(votes(3)).toBe('1 za z 3 oddanych głosów');
		expect(votes(5)).toBe('1 za z 5 oddanych głosów');
		expect(m.outcome_blocks({ count: 1 }, { locale: 'pl' })).toBe('1 weto');
		expect(m.outcome_blocks({ count: 2 }, { locale: 'pl' })).toBe('2 weta');
		expect(m.outcome_blocks({ count: 5 }, { locale: 'pl' })).toBe('5 wet');
		expect(m.outcome_blocks({ count: 22 }, { locale: 'pl' })).toBe('22 weta');
		expect(m.outcome_choice_decided({ count: 12 }, { locale: 'pl' })).toBe('Rozstrzygnięte: 12 poparć, więcej niż każda inna opcja.');
		expect(m.amount_max_decimals({ digits: 2, currency: 'PLN' }, { locale: 'pl' })).toBe('Dla PLN użyj najwyżej 2 miejsc po przecinku.');
	});

	it('Arabic: all six forms, zero to a hundred', () => {
		const approvals = (count: number) => m.outcome_choice_decided({ count }, { locale: 'ar' });
		expect(approvals(0)).toBe('حُسم: 0 تأييد، أكثر من أي خيار آخر.');
		expect(approvals(1)).toBe('حُسم: تأييد واحد، أكثر من أي خيار آخر.');
		expect(approvals(2)).toBe('حُسم: تأييدان، أكثر من أي خيار آخر.');
		expect(approvals(3)).toBe('حُسم: 3 تأييدات، أكثر من أي خيار آخر.');
		expect(approvals(11)).toBe('حُسم: 11 تأييدًا، أكثر من أي خيار آخر.');
		expect(approvals(100)).toBe('حُسم: 100 تأييد، أكثر من أي خيار آخر.');
		expect(m.amount_max_decimals({ digits: 2, currency: 'EGP' }, { locale: 'ar' })).toBe('استخدم منزلتين عشريتين على الأكثر لـEGP.');
		expect(m.amount_max_decimals({ digits: 3, currency: 'KWD' }, { locale: 'ar' })).toBe('استخدم 3 منازل عشرية على الأكثر لـKWD.');
	});

	it('English and German: one and other', () => {
		expect(m.outcome_blocks({ count: 1 })).toBe('1 block');
		expect(m.outcome_blocks({ count: 2 })).toBe('2 blocks');
		expect(m.proposal_voted_of({ voted: 1, eligible: 1 }, { locale: 'de' })).toBe('1 von 1 stimmberechtigten Person hat abgestimmt.');
		expect(m.proposal_voted_of({ voted: 2, eligible: 5 }, { locale: 'de' })).toBe('2 von 5 Stimmberechtigten haben abgestimmt.');
	});
});
