import { describe, expect, it } from 'vitest';
import { inLocale } from '$lib/server/i18n';
import { expenseInput } from '$lib/server/money/schemas';
import { fieldErrors } from '$lib/server/validation';
import { call, newAccount, newHousehold } from '../testing/http';

describe('refusals in the reader’s language', () => {
	it('a schema made once tells each refusal in the language of the request that met it', () => {
		const refusal = () => {
			const result = expenseInput.safeParse({ description: '', amountMinor: 0, spentOn: '2026-02-30', payers: [] });
			if (result.success) throw new Error('accepted');
			return fieldErrors(result.error);
		};
		expect(refusal()).toMatchObject({ description: 'Describe the expense.', amountMinor: 'The amount must be above zero.' });
		expect(inLocale('es', refusal)).toMatchObject({ description: 'Describe el gasto.', amountMinor: 'El importe debe ser mayor que cero.' });
		expect(inLocale('pl', refusal).spentOn).toBe('Podaj prawdziwą datę między 2000 a 2100 rokiem.');
		// And back: nothing stuck to the schema from the last language.
		expect(refusal().spentOn).toBe('Enter a real date between 2000 and 2100.');
	});

	it('the API answers in the Accept-Language it was sent; the codes stay the same', async () => {
		const owner = await newAccount('Ida');
		const house = await newHousehold(owner.token, 'Sprach-Haus');
		const bad = { description: 'Brot', amountMinor: -5, spentOn: '2026-12-01', category: 'groceries', payers: [], split: { mode: 'equal', parts: [] } };
		const post = (language?: string) =>
			call(`/api/v1/households/${house.id}/expenses`, {
				method: 'POST',
				token: owner.token,
				body: bad,
				headers: language ? { 'accept-language': language } : {}
			});
		const [english, german, arabic] = await Promise.all([post(), post('de-AT,de;q=0.9'), post('ar')]);
		for (const answer of [english, german, arabic]) {
			expect(answer.status).toBe(400);
			expect(answer.body.error.code).toBe('invalid_input');
		}
		expect(english.body.error.fields.amountMinor).toBe('The amount must be above zero.');
		expect(german.body.error.fields.amountMinor).toBe('Der Betrag muss über null liegen.');
		expect(german.body.error.message).toBe('Einige Felder fehlen oder haben den falschen Typ; siehe die Felder.');
		expect(arabic.body.error.fields.amountMinor).toBe('يجب أن يكون المبلغ أكبر من صفر.');

		// Another household's expense: the same 404, in Polish.
		const stranger = await newAccount('Ola');
		const missing = await call(`/api/v1/households/${house.id}/expenses/${crypto.randomUUID()}`, {
			token: stranger.token,
			headers: { 'accept-language': 'pl' }
		});
		expect(missing.status).toBe(404);
		expect(missing.body.error.code).toBe('not_found');
		expect(missing.body.error.message).toMatch(/nie istnieje|Nie znaleziono/);
	});
});
