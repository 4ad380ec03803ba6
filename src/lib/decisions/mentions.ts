/**
 * Who a comment @mentions: "@Mia" or "@Grandma Rosa" (a member's whole name after an @,
 * any case, not inside a word). Longer names are matched first, so "@Ben
 * Jr" is Ben Jr, not Ben. Linear in the text for each member.
 */
export interface Mentionable {
	id: string;
	displayName: string;
}

const wordCharacter = /[\p{L}\p{N}_]/u;

export function mentionedIn(body: string, members: readonly Mentionable[]): string[] {
	const text = body.toLocaleLowerCase();
	const byLength = [...members].sort((a, b) => b.displayName.length - a.displayName.length);
	const taken: Array<[number, number]> = [];
	const found: string[] = [];
	for (const member of byLength) {
		const needle = `@${member.displayName.toLocaleLowerCase()}`;
		if (needle.length < 2) continue;
		for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
			const end = at + needle.length;
			if (wordCharacter.test(text[end] ?? ' ')) continue;
			// An address (x@mia.example) is not a mention.
			if (wordCharacter.test(text[at - 1] ?? ' ')) continue;
			if (taken.some(([from, to]) => at < to && end > from)) continue;
			taken.push([at, end]);
			found.push(member.id);
			break;
		}
	}
	return found;
}
