import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { neutraliseCell, toCsv } from './csv';

describe('CSV downloads', () => {
	it.each(['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tTabbed', '\rReturn'])(
		'neutralise a cell a spreadsheet would run: %j',
		(value) => {
			expect(neutraliseCell(value)).toBe(`'${value}`);
			expect((parse(toCsv([[value]])) as string[][])[0]![0]).toBe(`'${value}`);
		}
	);

	it('leave plain text and numbers alone, negative amounts included', () => {
		for (const value of ['Groceries', '-12.50', '+3', '1,234.56', 42, -7, null]) expect(neutraliseCell(value)).toBe(value);
	});
});
