/**
 * Eight hues that tell members (or categories) apart and keep 3:1 contrast against the
 * page in the light and the dark theme.
 */
const PALETTE = ['#b4532a', '#2f6f9f', '#5b8c3a', '#8a4fa3', '#c0882b', '#2a8a7e', '#b03a5b', '#6b6b6b'];

/** The colour of the nth thing in a stable list; it repeats after eight. */
export function colourAt(index: number): string {
	return PALETTE[Math.max(0, index) % PALETTE.length]!;
}
