/**
 * The notification settings form: per group a checkbox for the bell and for push and a
 * choice for email (`chores_app`, `chores_push`, `chores_email`), the digest's rhythm,
 * and quiet hours (`quiet`, `quietFrom`, `quietTo`), read into Preferences and checked by
 * the model's schema.
 */
import { fieldErrors } from '$lib/server/validation';
import type { FormAdapter } from '$lib/server/forms';
import { NOTIFICATION_GROUPS, preferencesSchema, type Preferences } from '$lib/notifications/model';

/** `groups.chores.email` → `chores_email`, `quiet.from` → `quietFrom`. */
function field(path: string): string {
	const group = /^groups\.(\w+)\.(\w+)/.exec(path);
	if (group) return `${group[1]}_${group[2]}`;
	if (path === 'quiet.from') return 'quietFrom';
	if (path === 'quiet.to') return 'quietTo';
	return path.split('.')[0] ?? 'form';
}

const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value.trim() : '');

export const preferencesForm: FormAdapter<Preferences> = {
	read(formData) {
		const raw = {
			groups: Object.fromEntries(
				NOTIFICATION_GROUPS.map((group) => [
					group,
					{ app: formData.get(`${group}_app`) === 'on', push: formData.get(`${group}_push`) === 'on', email: text(formData.get(`${group}_email`)) }
				])
			),
			digest: text(formData.get('digest')),
			quiet: formData.get('quiet') === 'on' ? { from: text(formData.get('quietFrom')), to: text(formData.get('quietTo')) } : null
		};
		const parsed = preferencesSchema.safeParse(raw);
		if (parsed.success) return { ok: true, input: parsed.data };
		const errors: Record<string, string> = {};
		for (const [path, message] of Object.entries(fieldErrors(parsed.error))) errors[field(path)] ??= message;
		return { ok: false, errors };
	},
	field
};
