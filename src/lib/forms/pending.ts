/**
 * Feedback on every action: the button that sent a form shows it is working (aria-busy, a
 * spinner) from the moment it is pressed until the answer arrives, and a second press
 * meanwhile sends nothing. One listener for every form of the app, so no form can forget it.
 */
const busy = new Set<HTMLElement>();
let safety: ReturnType<typeof setTimeout> | undefined;

function onSubmit(event: SubmitEvent): void {
	const button = event.submitter;
	if (!(button instanceof HTMLElement)) return;
	if (busy.has(button)) {
		// Already sent: the answer is on its way.
		event.preventDefault();
		event.stopImmediatePropagation();
		return;
	}
	busy.add(button);
	button.setAttribute('aria-busy', 'true');
	button.classList.add('pending');
	clearTimeout(safety);
	// Whatever happens, a button is never left busy for good.
	safety = setTimeout(settleActions, 15_000);
}

/** The answer arrived (the form's result or a navigation): every busy button is ready again. */
export function settleActions(): void {
	for (const button of busy) {
		button.removeAttribute('aria-busy');
		button.classList.remove('pending');
	}
	busy.clear();
}

/** Starts watching form submissions; returns the function that stops it. */
export function showPendingActions(): () => void {
	// Capturing, so it runs before a form's own handlers (use:enhance) and can stop a double press.
	document.addEventListener('submit', onSubmit, true);
	return () => document.removeEventListener('submit', onSubmit, true);
}
