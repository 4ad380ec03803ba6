/**
 * What every form action answers, under the form's name (`form.vote`, `form.defaults`; see
 * server/forms.ts `formAction`), so a page with several forms knows which one answered:
 * after a refusal, what was typed and a message per field (`form` for one above the
 * form); after a save, what the domain call returned in `saved`, and empty values (the
 * form starts afresh) unless it only previewed. A form whose kept values are not all text
 * (`V`) declares them optional, since a save leaves them empty.
 */
export interface FormAnswer<T, V = Record<string, string>> {
	values: V;
	errors: Record<string, string>;
	/** After a conflict: the version saved now, for the form's hidden `version` (a second save is then a knowing one). */
	currentVersion?: number;
	saved?: T;
}
