/**
 * The page's side of offline: while the device is offline a form is not sent (its text
 * stays in place, with a message saying why), and links load whole pages so the service
 * worker can answer them with the copies it kept.
 */
import { m } from '$lib/paraglide/messages';

export interface Connection {
	online: boolean;
	/** When the page on screen was saved, if it is a kept copy served offline. */
	copySavedAt: string | null;
}

export function currentConnection(): Connection {
	return { online: navigator.onLine, copySavedAt: document.documentElement.dataset.offlineCopy ?? null };
}

function refuseOffline(event: SubmitEvent): void {
	const form = event.target;
	if (!(form instanceof HTMLFormElement)) return;
	form.querySelector(':scope > [data-offline-refusal]')?.remove();
	if (navigator.onLine) return;
	// Before use:enhance and the busy button see it: nothing is sent, nothing looks sent.
	event.preventDefault();
	event.stopImmediatePropagation();
	const message = document.createElement('p');
	message.className = 'alert error';
	message.setAttribute('role', 'alert');
	message.dataset.offlineRefusal = '';
	message.textContent = m.offline_refused();
	form.prepend(message);
}

/** Starts watching; `changed` hears every change of connection. Returns the function that stops it. */
export function watchConnection(changed: (connection: Connection) => void): () => void {
	const update = () => {
		if (navigator.onLine) delete document.body.dataset.sveltekitReload;
		else document.body.dataset.sveltekitReload = '';
		changed(currentConnection());
	};
	// Capturing, and registered before the busy-button listener, so it runs first.
	document.addEventListener('submit', refuseOffline, true);
	window.addEventListener('online', update);
	window.addEventListener('offline', update);
	update();
	return () => {
		document.removeEventListener('submit', refuseOffline, true);
		window.removeEventListener('online', update);
		window.removeEventListener('offline', update);
	};
}
