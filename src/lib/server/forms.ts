/**
 * The one form convention: an adapter per form (how its fields become the domain's input,
 * and the domain's field names become the form's) and `formAction`, which reads, runs one
 * domain call and answers under the form's name (see $lib/forms/answer).
 */
import { error, fail, isActionFailure, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { DomainError } from './errors';
import { formValues, parseForm, type FieldErrors } from './validation';
import type { FormAnswer } from '$lib/forms/answer';
import { atLocalTime, parseDay } from '$lib/dates';
import { m } from '$lib/paraglide/messages';

export type { FormAnswer };

export type FormReading<I> = { ok: true; input: I } | { ok: false; errors: FieldErrors; status?: number };

/** How one form's posted fields become its domain input, and the domain's field names become the form's. */
export interface FormAdapter<I, V = Record<string, string>> {
	/** May be async (an uploaded file is read); a refusal may name its status (400 by default). */
	read(formData: FormData): FormReading<I> | Promise<FormReading<I>>;
	/** What was typed, kept for the form after a refusal (by default every text field; a form with repeated fields keeps lists). */
	values?(formData: FormData): V;
	/** The form's name for a field the domain refused (a schema path such as `schedule.startOn`); the path itself by default. */
	field?(path: string): string;
}

/** The adapter of a form whose fields are its schema's own (see parseForm). */
export function schemaForm<S extends z.ZodType>(schema: S, field?: (path: string) => string): FormAdapter<z.infer<S>> {
	return {
		read(formData) {
			const parsed = parseForm(schema, formData);
			return parsed.ok ? { ok: true, input: parsed.data } : { ok: false, errors: parsed.errors };
		},
		field
	};
}

/** A form that is one button (close, withdraw, revoke): nothing to read. */
export const noFields: FormAdapter<Record<never, never>> = { read: () => ({ ok: true, input: {} }) };

type Named<N extends string, T, V = Record<string, string>> = { [K in N]: FormAnswer<T, V> };

/**
 * The one form action: read the fields with the form's adapter (bad input: 400, nothing
 * stored), run one domain call, and answer under `name` — a refusal as field messages with
 * what was typed kept, a save as `saved`. A redirect thrown by `run` goes through.
 */
export async function formAction<N extends string, I, T, V = Record<string, string>>(
	request: Request,
	name: N,
	adapter: FormAdapter<I, V> | z.ZodType<I>,
	run: (input: I, formData: FormData) => Promise<T>,
	options: { keepValues?: boolean } = {}
): Promise<Named<N, T, V> | ActionFailure<Named<N, T, V>>> {
	const form: FormAdapter<I, V> = 'read' in adapter ? adapter : (schemaForm(adapter) as FormAdapter<I, V>);
	const formData = await request.formData();
	const values = form.values ? form.values(formData) : formValues(formData);
	const read = await form.read(formData);
	if (!read.ok) return fail(read.status ?? 400, { [name]: { values, errors: read.errors } } as Named<N, T, V>);
	try {
		// After a save the form starts afresh (or the page it redirects to shows what was saved); a preview keeps what was typed.
		return { [name]: { values: options.keepValues ? values : {}, errors: {}, saved: await run(read.input, formData) } } as Named<N, T, V>;
	} catch (refusal) {
		if (!(refusal instanceof DomainError)) throw refusal;
		return fail(refusal.status, { [name]: { values, ...refusalAnswer(refusal, form.field) } } as Named<N, T, V>);
	}
}

/** A domain refusal as a form shows it: its field messages under the form's names, or one message above the form. */
function refusalAnswer(refusal: DomainError, field: (path: string) => string = (path) => path): Pick<FormAnswer<never>, 'errors' | 'currentVersion'> {
	const fields: FieldErrors = {};
	for (const [path, message] of Object.entries(refusal.fields)) fields[field(path)] ??= message;
	// A conflict's message says what changed; it goes above the form, not only next to the hidden version.
	const errors = refusal.currentVersion !== undefined ? { ...fields, form: refusal.message } : Object.keys(fields).length ? fields : { form: refusal.message };
	return refusal.currentVersion !== undefined ? { errors, currentVersion: refusal.currentVersion } : { errors };
}

/** For loads: a domain refusal (say, a member id that is not in this household) becomes the error page. */
export async function orErrorPage<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (refusal) {
		if (refusal instanceof DomainError) error(refusal.status, { message: refusal.message, code: refusal.code });
		throw refusal;
	}
}

/** The answer of a refused form action (to add what the page shows again), or null after a save. */
export function refusedAnswer<N extends string, T, V>(answer: Named<N, T, V> | ActionFailure<Named<N, T, V>>, name: N): FormAnswer<T, V> | null {
	// isActionFailure narrows to ActionFailure<undefined>: the data is this action's own answer.
	return isActionFailure(answer) ? (answer.data as unknown as Named<N, T, V>)[name] : null;
}

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * A day field and a time field typed on the house's clock (a booking's start, a meal's
 * serving time) → the ISO instant; undefined, with each unreadable field's message put in
 * `errors`, when either cannot be read.
 */
export function instantFromFields(
	values: Record<string, string>,
	errors: FieldErrors,
	fields: { day: string; time: string },
	missingTime: () => string,
	timezone: string
): string | undefined {
	const day = parseDay(values[fields.day] ?? '');
	const time = (values[fields.time] ?? '').trim();
	if (!day) errors[fields.day] = m.v_date_real();
	if (!CLOCK_TIME.test(time)) errors[fields.time] = missingTime();
	return day && CLOCK_TIME.test(time) ? atLocalTime(day, time, timezone).toISOString() : undefined;
}
