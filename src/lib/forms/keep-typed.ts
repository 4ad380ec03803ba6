/**
 * Nothing a person types is lost to hydration. On a slow network the server's HTML is
 * usable for seconds before the page's scripts start; when they do, Svelte sets every
 * field back to the value it rendered, wiping what was typed meanwhile. So: when the app
 * starts (hooks.client.ts `init`, before hydration), note every field a person has
 * already changed and keep noting changes; once hydrated (the root layout's onMount),
 * put those values back and tell the components (input and change events), so their
 * state holds what the person typed, not what the server rendered.
 */
type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
type Typed = { value: string } | { checked: boolean } | { selected: boolean[] };

const typed = new Map<Field, Typed>();
const SKIPPED = new Set(['hidden', 'file', 'submit', 'button', 'reset', 'image']);

function isField(node: EventTarget | null): node is Field {
	return node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement || node instanceof HTMLSelectElement;
}

function stateOf(field: Field): Typed | null {
	if (field instanceof HTMLSelectElement) return { selected: [...field.options].map((o) => o.selected) };
	if (field instanceof HTMLInputElement && SKIPPED.has(field.type)) return null;
	if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')) return { checked: field.checked };
	return { value: field.value };
}

/** Whether the person changed the field from what the server sent. */
function changedByPerson(field: Field): boolean {
	if (field instanceof HTMLSelectElement) return [...field.options].some((o) => o.selected !== o.defaultSelected);
	if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')) return field.checked !== field.defaultChecked;
	return field.value !== field.defaultValue;
}

function note(event: Event): void {
	if (!isField(event.target)) return;
	const state = stateOf(event.target);
	if (!state) return;
	typed.set(event.target, state);
	// A radio's neighbours were unchecked by this choice: they are part of it.
	if (event.target instanceof HTMLInputElement && event.target.type === 'radio' && event.target.form) {
		for (const other of event.target.form.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${CSS.escape(event.target.name)}"]`))
			typed.set(other, { checked: other.checked });
	}
}

let watching = false;

/** Before hydration: note what was typed so far, and keep noting. */
export function keepTypedThroughHydration(): void {
	if (typeof document === 'undefined' || watching) return;
	watching = true;
	for (const field of document.querySelectorAll<Field>('input, textarea, select')) {
		const state = changedByPerson(field) ? stateOf(field) : null;
		if (state) typed.set(field, state);
	}
	document.addEventListener('input', note, true);
	document.addEventListener('change', note, true);
}

/**
 * After hydration: what was typed goes back into the fields and the components' state.
 * The root layout calls it once everything has mounted; a component that swaps its plain
 * fields for richer ones as it mounts calls it first itself (idempotent), so the plain
 * fields still exist to receive what was typed.
 */
export function restoreTyped(): void {
	if (!watching) return;
	document.removeEventListener('input', note, true);
	document.removeEventListener('change', note, true);
	watching = false;
	for (const [field, state] of typed) {
		if (!field.isConnected) continue;
		let changed = false;
		if ('value' in state && field.value !== state.value) {
			field.value = state.value;
			changed = true;
		} else if ('checked' in state && field instanceof HTMLInputElement && field.checked !== state.checked) {
			field.checked = state.checked;
			changed = true;
		} else if ('selected' in state && field instanceof HTMLSelectElement) {
			[...field.options].forEach((option, i) => {
				if (state.selected[i] !== undefined && option.selected !== state.selected[i]) {
					option.selected = state.selected[i]!;
					changed = true;
				}
			});
		}
		if (changed) {
			field.dispatchEvent(new Event('input', { bubbles: true }));
			field.dispatchEvent(new Event('change', { bubbles: true }));
		}
	}
	typed.clear();
}
