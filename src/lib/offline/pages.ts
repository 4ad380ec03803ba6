/**
 * What Hearth keeps for reading offline: the last-seen dashboard, chore calendar and
 * balances of each household (one copy of each, whatever view or week it showed), so a
 * phone on the underground still shows whose turn it is and who owes whom.
 */
const SAVED_PAGE = /^\/h\/[0-9a-f-]{36}(?:\/chores|\/balances)?$/;

/** The cache key of a page kept for offline reading, or null when the page is not kept. */
export function savedPageKey(url: URL): string | null {
	return SAVED_PAGE.test(url.pathname) ? url.pathname : null;
}

/** The response header holding when a kept copy was saved (ISO 8601). */
export const SAVED_AT_HEADER = 'x-hearth-saved-at';

/** Marks a kept copy served offline, for the banner: `<html data-offline-copy="…">`. */
export function markOfflineCopy(html: string, savedAt: string): string {
	return html.replace(/<html\b/i, `<html data-offline-copy="${savedAt.replace(/[^0-9TZ:.+-]/g, '')}"`);
}
