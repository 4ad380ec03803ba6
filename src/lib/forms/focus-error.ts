/**
 * After a refused form: focus goes to what needs fixing, the first field marked invalid or
 * the form's own message above it (whichever comes first on the page), so a keyboard or
 * screen-reader user lands on it instead of hunting for it.
 */
export function focusFirstError(root: ParentNode = document): void {
	const target = root.querySelector<HTMLElement>('main [aria-invalid="true"], main .alert.error');
	if (!target) return;
	if (!target.matches('input, select, textarea, button')) target.tabIndex = -1;
	target.focus();
}

/** Whether a form action's answer (`{ [form name]: { errors } }`, see server/forms.ts) refused something. */
export function refused(answer: unknown): boolean {
	if (typeof answer !== 'object' || answer === null) return false;
	return Object.values(answer).some((named) => {
		const errors = typeof named === 'object' && named !== null && 'errors' in named ? named.errors : null;
		return typeof errors === 'object' && errors !== null && Object.keys(errors).length > 0;
	});
}
