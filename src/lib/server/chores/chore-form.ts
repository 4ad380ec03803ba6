/**
 * The chore form: plain fields (weekdays as checkboxes, each member's turn as a number)
 * read into the API's ChoreInput and validated by the same schema.
 */
import { fieldErrors, formValues } from '$lib/server/validation';
import { choreInput, type ChoreInput } from './schemas';
import type { FormAdapter } from '$lib/server/forms';

/** The chore form's field for a schema or domain path: `schedule.startOn` → `startOn`, who takes part → `turns`. */
function field(path: string): string {
	const name = path
		.replace(/^schedule\./, '')
		.replace(/^assignment\.memberIds.*/, 'turns')
		.replace(/^assignment\.strategy/, 'strategy')
		.replace(/^assignment.*/, 'turns')
		.replace(/^weekday$/, 'monthWeekday');
	return name.split('.')[0]!;
}

/** The chore form of a household with these members (each one's turn is a field `turn_<id>`). */
export function choreForm(memberIds: string[]): FormAdapter<ChoreInput, Record<string, string | string[]>> {
	return {
		read: (formData) => readChoreForm(formData, memberIds),
		values: (formData) => ({ ...formValues(formData), weekdays: formData.getAll('weekdays').map(String) }),
		field
	};
}

const number = (value: FormDataEntryValue | null) => (typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : undefined);
const text = (value: FormDataEntryValue | null) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

function readChoreForm(formData: FormData, memberIds: string[]): ReturnType<FormAdapter<ChoreInput>['read']> {
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
	if (parsed.success) return { ok: true, input: parsed.data };
	const errors: Record<string, string> = {};
	for (const [path, message] of Object.entries(fieldErrors(parsed.error))) errors[field(path)] ??= message;
	return { ok: false, errors };
}
