/** A select's choices, from a value-list's labels (`THRESHOLD_LABELS`, `ROLE_LABELS`, …), a list of members or the house's categories. */
export type Choice = { value: string | number; label: string };

export const choicesOf = (labels: Readonly<Record<string, string>>): Choice[] => Object.entries(labels).map(([value, label]) => ({ value, label }));

export const memberChoices = (members: ReadonlyArray<{ id: string; displayName: string }>): Choice[] =>
	members.map((member) => ({ value: member.id, label: member.displayName }));

export const categoryChoices = (categories: ReadonlyArray<{ key: string; name: string }>): Choice[] =>
	categories.map((category) => ({ value: category.key, label: category.name }));
