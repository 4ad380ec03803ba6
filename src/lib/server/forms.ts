import { error, fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { DomainError } from './errors';
import { formValues, parseForm, type FieldErrors } from './validation';

export interface FormFailure {
	values: Record<string, string>;
	errors: FieldErrors;
	/** After a conflict: the version saved now, for the form's hidden `version` (a second save is then a knowing one). */
	currentVersion?: number;
}

/**
 * The shape of every form action: validate with the domain's schema, run one domain
 * call, and turn a refusal into field messages while keeping what the person typed.
 */
export async function submitForm<S extends z.ZodType, T>(
	request: Request,
	schema: S,
	run: (data: z.infer<S>, formData: FormData) => Promise<T>
): Promise<T | ActionFailure<FormFailure>> {
	const formData = await request.formData();
	const parsed = parseForm(schema, formData);
	if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
	return attempt(() => run(parsed.data, formData), formValues(formData));
}

/**
 * Runs a domain call for a form whose fields were already read: a refusal becomes its
 * status with field messages (or one message for the form) and what was typed.
 */
export async function attempt<T, Extra extends Record<string, unknown> = Record<never, never>>(
	work: () => Promise<T>,
	values: Record<string, string>,
	extra?: Extra
): Promise<T | ActionFailure<FormFailure & Extra>> {
	try {
		return await work();
	} catch (refusal) {
		if (!(refusal instanceof DomainError)) throw refusal;
		// A conflict's message says what changed; it goes above the form, not only next to the hidden version.
		const errors =
			refusal.currentVersion !== undefined
				? { ...refusal.fields, form: refusal.message }
				: Object.keys(refusal.fields).length
					? refusal.fields
					: { form: refusal.message };
		return fail(refusal.status, {
			...(extra as Extra),
			values,
			errors,
			...(refusal.currentVersion !== undefined ? { currentVersion: refusal.currentVersion } : {})
		});
	}
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
