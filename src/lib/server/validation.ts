import { z } from 'zod';
import { parseDay } from '$lib/dates';
import { m } from '$lib/paraglide/messages';

/**
 * Messages are functions, read when a value is refused: a schema is made once, but each
 * refusal is told in the language of the request that made it.
 */
type Message = () => string;

/**
 * A one-line text people see across the house (a name, a title): trimmed, not empty,
 * bounded, and free of control and format characters (no hidden direction overrides).
 */
export function singleLineText(emptyMessage: Message, max = 80) {
	return z
		.string({ error: emptyMessage })
		.trim()
		.min(1, { error: emptyMessage })
		.max(max, { error: () => m.too_long({ max }) })
		.regex(/^[^\p{Cc}\p{Cf}]*$/u, { error: () => m.v_plain_text() });
}

/** A calendar day, YYYY-MM-DD, that exists, between 2000 and 2100 (older or later is a typo): see parseDay. */
export function calendarDate() {
	return z
		.string({ error: () => m.v_date_missing() })
		.regex(/^\d{4}-\d{2}-\d{2}$/, { error: () => m.v_date_format() })
		.refine((value) => parseDay(value) !== null, { error: () => m.v_date_real() })
		.meta({ example: '2026-12-24' });
}

type RangeMessages = Message | { below: Message; above: Message };

/**
 * A whole number from `min` to `max`: `missing` says what is wanted when there is no number,
 * `whole` when it has a fraction, `range` when it is outside (one message, or one `below`
 * and one `above`; by default "at least min" / "at most max"). `coerce` reads a query
 * string's text as a number.
 */
export function wholeNumber(min: number, max: number, messages: { missing: Message; whole?: Message; range?: RangeMessages }, coerce = false) {
	const number = coerce ? z.coerce.number({ error: messages.missing }) : z.number({ error: messages.missing });
	const range = messages.range ?? { below: () => m.v_at_least({ min }), above: () => m.v_at_most({ max }) };
	return number
		.int({ error: messages.whole ?? (() => m.v_whole_number()) })
		.min(min, { error: typeof range === 'function' ? range : range.below })
		.max(max, { error: typeof range === 'function' ? range : range.above });
}

/** A day of the week, 1 (Monday) to 7 (Sunday) as ISO 8601 numbers them. */
export function weekdayNumber(missing: Message = () => m.v_weekday_pick()) {
	return wholeNumber(1, 7, { missing, range: () => m.v_weekday_range() });
}

/** A day of the month, 1 to 31 (a month without it uses its last day). */
export function dayOfMonthNumber(missing: Message) {
	return wholeNumber(1, 31, { missing, range: () => m.v_day_range() });
}

/** The version a change was made from: a stale one is refused with 409 (see checkVersion). */
export function versionField() {
	const sendIt = () => m.v_send_version();
	return wholeNumber(1, Number.MAX_SAFE_INTEGER, { missing: sendIt, whole: sendIt, range: sendIt });
}

export type FieldErrors = Record<string, string>;

// A NUL cannot be stored in PostgreSQL text, and half a surrogate pair is not a character.
// eslint-disable-next-line no-control-regex -- finding the NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const unstorableMessage = () => m.v_unstorable();

/** Free text (a description, a note, a comment): any characters a person can type, but none that cannot be stored. */
export function freeText(max: number, messages: { missing?: Message } = {}) {
	return z
		.string(messages.missing ? { error: messages.missing } : undefined)
		.max(max, { error: () => m.too_long({ max }) })
		.refine((value) => !UNSTORABLE.test(value), { error: unstorableMessage });
}

/** No request body nests deeper than this (a household export reaches about 6). */
export const MAX_NESTING = 32;

/**
 * Text no field may hold, checked once for every form and JSON body before any schema:
 * the dotted path of the first string (or key) holding it, or null. Walks the body with
 * its own stack, never by recursion, so no nesting can overflow the call stack; a body
 * nested deeper than MAX_NESTING answers `tooDeep` (callers refuse it with a 400).
 */
export function unstorableTextAt(value: unknown): string | null | { tooDeep: true } {
	const stack: Array<{ value: unknown; path: string[] }> = [{ value, path: [] }];
	while (stack.length) {
		const { value: current, path } = stack.pop()!;
		if (typeof current === 'string') {
			if (UNSTORABLE.test(current)) return path.join('.') || 'form';
			continue;
		}
		if (typeof current !== 'object' || current === null) continue;
		if (path.length >= MAX_NESTING) return { tooDeep: true };
		const entries = Object.entries(current);
		// Pushed in reverse, so the first field's problem is found (and reported) first.
		for (let i = entries.length - 1; i >= 0; i--) {
			const [key, inner] = entries[i]!;
			if (UNSTORABLE.test(key)) return [...path, 'form'].join('.');
			stack.push({ value: inner, path: [...path, key] });
		}
	}
	return null;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Never echo these back into a form, even when the rest of the form is kept (a password form's `current` and `confirm` too). */
const SECRET_FIELDS = /password|token|secret|^current$|^confirm$/i;

/** Field messages keyed by the dotted path of the offending field; the first message per field wins. */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const key = issue.path.map(String).join('.') || 'form';
		errors[key] ??= issue.message;
	}
	return errors;
}

/** What the person typed, to put back into the form (secrets left out). */
export function formValues(formData: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of formData) {
		if (typeof value === 'string' && !SECRET_FIELDS.test(key)) values[key] = value.slice(0, 2000);
	}
	return values;
}

/**
 * Validates a submitted form with the same schemas the JSON API uses. Checkboxes arrive
 * as "on" or not at all; repeated names become arrays.
 */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): Parsed<z.infer<S>> {
	const input: Record<string, unknown> = {};
	for (const key of new Set(formData.keys())) {
		const all = formData.getAll(key).filter((v): v is string => typeof v === 'string');
		input[key] = all.length > 1 ? all : all[0];
	}
	const unstorable = unstorableTextAt(input);
	if (typeof unstorable === 'string') return { ok: false, errors: { [unstorable.split('.')[0]!]: unstorableMessage() }, values: formValues(formData) };
	const result = schema.safeParse(input);
	if (result.success) return { ok: true, data: result.data };
	return { ok: false, errors: fieldErrors(result.error), values: formValues(formData) };
}

type AnySchema = z.core.$ZodType;

function baseType(schema: AnySchema): { type: string; optional: boolean; nullable: boolean } {
	let current = schema;
	let optional = false;
	let nullable = false;
	for (;;) {
		const def = current._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
		if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') {
			optional = true;
			if (def.type === 'nullable') nullable = true;
			current = def.innerType!;
		} else if (def.type === 'pipe' && def.in) {
			current = def.in;
		} else {
			return { type: def.type, optional, nullable };
		}
	}
}

/**
 * Lets a JSON-API object schema read an HTML form: form fields are all strings, so
 * numbers are read from text, checkboxes become booleans, blank optional fields drop out
 * (blank nullable ones become null: the form cleared them).
 * The schema itself (its rules and messages) stays the single source of truth.
 */
export function fromForm<S extends z.ZodObject>(schema: S) {
	return z.preprocess((raw) => {
		if (typeof raw !== 'object' || raw === null) return raw;
		const input = raw as Record<string, unknown>;
		const out: Record<string, unknown> = {};
		for (const [key, field] of Object.entries(schema.shape as Record<string, AnySchema>)) {
			const { type, optional, nullable } = baseType(field);
			const value = input[key];
			if (type === 'boolean') out[key] = value === 'on' || value === 'true' || value === '1';
			else if (type === 'array') out[key] = value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value];
			// A field that can be emptied (a guardian, an address) is emptied by a blank; any other blank field drops out.
			else if (typeof value === 'string' && value.trim() === '' && nullable) out[key] = null;
			else if (typeof value === 'string' && value.trim() === '' && (optional || type === 'number')) out[key] = undefined;
			else if (type === 'number' && typeof value === 'string') out[key] = Number(value.trim().replace(',', '.'));
			else out[key] = value;
		}
		return out;
	}, schema);
}
