/**
 * Values people and scripts send that no form expects. Every one must end in a clear 4xx
 * (or, where it is valid text, be stored verbatim and shown escaped), never a 500.
 */

/** Valid text that looks dangerous: stored exactly as typed, rendered escaped. */
export const INJECTION_TEXT = [
	"'; drop table expenses; --",
	'1 OR 1=1',
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'"><svg onload=alert(1)>',
	'{{7*7}} ${7*7}'
];

/** Strings a form field may receive. */
export const HOSTILE_STRINGS = [
	'',
	'   ',
	'x'.repeat(100_000),
	'\u0000',
	'nul\u0000inside',
	'bell\u0007',
	'\u202Eevil.exe',
	'zero\u200Bwidth',
	'\uFEFFbom',
	'\uD800',
	'👩‍👩‍👧‍👦'.repeat(50),
	'Z̴̢̛a̷l̸g̵o̶'.repeat(20),
	'-5',
	'0',
	'-0',
	'NaN',
	'Infinity',
	'-Infinity',
	'1e309',
	'1e-7',
	'12.345',
	'0x10',
	'1,000,000.00.00',
	'0001-01-01',
	'9999-12-31',
	'2026-02-30',
	'2026-13-01',
	'Mars/Olympus',
	'XXX',
	'00000000-0000-0000-0000-000000000000',
	...INJECTION_TEXT
];

/** JSON values of every wrong type and edge, for API bodies. */
export const HOSTILE_JSON: unknown[] = [
	...HOSTILE_STRINGS,
	null,
	true,
	0,
	-1,
	1.5,
	1e308,
	-1e308,
	Number.MAX_SAFE_INTEGER + 2,
	[],
	[null],
	{},
	{ $gt: '' },
	JSON.parse('{"__proto__": {"isAdmin": true}}'),
	Array.from({ length: 1000 }, (_, i) => i)
];
