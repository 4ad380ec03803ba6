import type { SubmitFunction } from '@sveltejs/kit';

/**
 * A form that says it is working while the server does (an upload, an import): `busy`
 * disables the buttons, and what was typed stays after the answer.
 */
export function pendingSubmit() {
	let busy = $state(false);
	const submit: SubmitFunction = () => {
		busy = true;
		return async ({ update }) => {
			await update({ reset: false });
			busy = false;
		};
	};
	return {
		get busy() {
			return busy;
		},
		submit
	};
}
