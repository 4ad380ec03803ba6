/**
 * The chore form: plain fields (weekdays as checkboxes, each member's turn as a number)
 * read into the API's ChoreInput and validated by the same schema.
 */
import { fieldErrors, formValues } from '$lib/server/validation';
import { choreInput, type ChoreInput } from './schemas';
import { fail, type ActionFailure } from '@sveltejs/kit';
import { DomainError } from '$lib/server/errors';
import type { MemberContext } from '$lib/server/households/context';
import { previewChore } from './figures';
import { createChore, updateChore } from './chores';
import type { Chore } from './queries';

export type ChoreFormResult =
	{ ok: true; input: ChoreInput; values: Record<string, string> } | { ok: false; errors: Record<string, string>; values: Record<string, string> };

const number = (value: FormDataEntryValue | null) => (typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : undefined);
const text = (value: FormDataEntryValue | null) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

export function readChoreForm(formData: FormData, memberIds: string[]): ChoreFormResult {
	const values = formValues(formData);
	const turns = memberIds
		.map((id) => ({ id, turn: number(formData.get(`turn_${id}`)) }))
		.filter((t): t is { id: string; turn: number } => t.turn !== undefined && Number.isFinite(t.turn))
		.sort((a, b) => a.turn - b.turn);
	const kind = text(formData.get('kind'));
	const monthlyBy = text(formData.get('monthlyBy'));
	const raw = {
		name: formData.get('name') ?? '',
		description: text(formData.get('description')),
		effort: number(formData.get('effort')),
		schedule: {
			kind,
			interval: number(formData.get('interval')),
			weekdays: kind === 'weekly' ? formData.getAll('weekdays').map((d) => Number(d)) : undefined,
			dayOfMonth: kind === 'monthly' && monthlyBy !== 'weekday' ? number(formData.get('dayOfMonth')) : undefined,
			nth: kind === 'monthly' && monthlyBy === 'weekday' ? number(formData.get('nth')) : undefined,
			weekday: kind === 'monthly' && monthlyBy === 'weekday' ? number(formData.get('monthWeekday')) : undefined,
			startOn: formData.get('startOn') ?? '',
			endOn: text(formData.get('endOn')),
			time: text(formData.get('time'))
		},
		assignment: { strategy: text(formData.get('strategy')), memberIds: turns.map((t) => t.id) }
	};
	const parsed = choreInput.safeParse(raw);
	if (parsed.success) return { ok: true, input: parsed.data, values };
	const errors: Record<string, string> = {};
	for (const [path, message] of Object.entries(fieldErrors(parsed.error))) {
		const field = path
			.replace(/^schedule\./, '')
			.replace(/^assignment\.memberIds.*/, 'turns')
			.replace(/^assignment\.strategy/, 'strategy')
			.replace(/^monthWeekday/, 'monthWeekday')
			.replace(/^weekday$/, 'monthWeekday');
		errors[field.split('.')[0]!] ??= message;
	}
	return { ok: false, errors, values };
}

type Preview = Array<{ dueOn: string; assigneeMemberId: string | null }>;
type Outcome =
	| { chore: Chore }
	| { preview: Preview; values: Record<string, string> }
	| ActionFailure<{ values: Record<string, string>; errors: Record<string, string>; weekdays: string[]; currentVersion?: number }>;

/** Save (create or update) or just preview the next eight occurrences. */
export async function handleChoreForm(
	context: MemberContext,
	formData: FormData,
	memberIds: string[],
	mode: { save: 'create' } | { save: 'update'; choreId: string } | { save: false }
): Promise<Outcome> {
	const read = readChoreForm(formData, memberIds);
	const weekdays = formData.getAll('weekdays').map(String);
	if (!read.ok) return fail(400, { values: read.values, errors: read.errors, weekdays });
	try {
		if (mode.save === false) return { preview: await previewChore(context.household, read.input), values: read.values };
		if (mode.save === 'create') return { chore: await createChore(context, read.input) };
		const { name, description, effort, schedule, assignment } = read.input;
		const version = Number(formData.get('version'));
		return {
			chore: await updateChore(context, mode.choreId, {
				name,
				description,
				effort,
				schedule,
				assignment,
				version: Number.isSafeInteger(version) && version > 0 ? version : undefined
			})
		};
	} catch (error) {
		if (!(error instanceof DomainError)) throw error;
		const errors =
			Object.keys(error.fields).length && error.currentVersion === undefined
				? Object.fromEntries(Object.entries(error.fields).map(([k, m]) => [k.startsWith('assignment') ? 'turns' : k, m]))
				: { form: error.message };
		return fail(error.status, {
			values: read.values,
			errors,
			weekdays,
			...(error.currentVersion !== undefined ? { currentVersion: error.currentVersion } : {})
		});
	}
}
