import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mentionedIn } from './mentions';

const members = [
	{ id: 'ben', displayName: 'Ben' },
	{ id: 'benjr', displayName: 'Ben Jr' },
	{ id: 'rosa', displayName: 'Grandma Rosa' },
	{ id: 'mia', displayName: 'Mia' }
];

describe('mentionedIn', () => {
	it('finds whole names after an @, any case, longest first', () => {
		expect(mentionedIn('Thanks @grandma rosa and @Mia!', members).sort()).toEqual(['mia', 'rosa']);
		expect(mentionedIn('@Ben Jr can you?', members)).toEqual(['benjr']);
		expect(mentionedIn('@Ben and @Ben Jr', members).sort()).toEqual(['ben', 'benjr']);
	});

	it('does not take a name that goes on as a longer word, or a name without an @', () => {
		expect(mentionedIn('@Miami is far; Mia did it', members)).toEqual([]);
		expect(mentionedIn('mail me at x@Mia.example', members)).toEqual([]);
	});

	it('only ever names members, each once', () => {
		fc.assert(
			fc.property(fc.string(), (body) => {
				const found = mentionedIn(body, members);
				expect(new Set(found).size).toBe(found.length);
				expect(found.every((id) => members.some((m) => m.id === id))).toBe(true);
			})
		);
	});
});
