/**
 * Every CSV download goes through here: csv-stringify quotes, and cells a spreadsheet
 * would run as a formula (text starting with = + - @, a tab or a carriage return) get a
 * leading apostrophe, as OWASP recommends. A plain number such as -12.50 stays a number.
 */
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?\d+([.,]\d+)*$/;

/** A cell as a spreadsheet will read it safely. */
export function neutraliseCell(value: unknown): unknown {
	return typeof value === 'string' && FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

export function toCsv(rows: unknown[][]): string {
	return stringify(rows.map((row) => row.map(neutraliseCell)));
}
