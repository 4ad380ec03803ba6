/** A file's size in the reader's language: "2.4 MB", "830 kB" (decimal units, as file managers show them). */
export function formatSize(bytes: number, locale = 'en-GB'): string {
	const [unit, divisor] = bytes >= 1e9 ? (['gigabyte', 1e9] as const) : bytes >= 1e6 ? (['megabyte', 1e6] as const) : (['kilobyte', 1e3] as const);
	return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(bytes / divisor);
}
