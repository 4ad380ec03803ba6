/**
 * Label maps keyed by a model's values (`STATUS_LABELS.open`), read in the reader's language:
 * each label is a getter over its message, so a map made once at import still answers in
 * whatever language the page or request is in when it is read.
 */
import { getLocale } from '$lib/paraglide/runtime';

export function labelsOf<K extends string>(messages: Record<K, () => string>): Readonly<Record<K, string>> {
	const labels = {} as Record<K, string>;
	for (const [key, message] of Object.entries(messages) as Array<[K, () => string]>) {
		Object.defineProperty(labels, key, { get: () => message(), enumerable: true });
	}
	return labels;
}

/** "Mia", "Mia and Leo", "Mia, Leo and Rosa" — as the reader's language joins a list. */
export function listOf(items: string[]): string {
	return new Intl.ListFormat(getLocale(), { type: 'conjunction' }).format(items);
}
