import { describe, expect, it } from 'vitest';
import { markOfflineCopy, savedPageKey } from './pages';

const house = '/h/0f6bdcec-7727-4f6f-8bf4-678f0a3d881d';

describe('pages kept for offline reading', () => {
	it('are the dashboard, the chore calendar (any view or week: one copy) and the balances', () => {
		expect(savedPageKey(new URL(`https://hearth.example${house}`))).toBe(house);
		expect(savedPageKey(new URL(`https://hearth.example${house}/chores?view=month&date=2026-12-01`))).toBe(`${house}/chores`);
		expect(savedPageKey(new URL(`https://hearth.example${house}/balances`))).toBe(`${house}/balances`);
	});

	it('are not any other page', () => {
		for (const path of [`${house}/expenses`, `${house}/chores/new`, `${house}/settings`, '/account', '/', '/h/not-a-house']) {
			expect(savedPageKey(new URL(`https://hearth.example${path}`)), path).toBeNull();
		}
	});

	it('are marked as a copy on the html element, with nothing but a date in the mark', () => {
		expect(markOfflineCopy('<!doctype html>\n<html lang="en"><head>', '2026-12-01T18:02:00.000Z')).toBe(
			'<!doctype html>\n<html data-offline-copy="2026-12-01T18:02:00.000Z" lang="en"><head>'
		);
		expect(markOfflineCopy('<html>', '"><script>')).toBe('<html data-offline-copy="">');
	});
});
