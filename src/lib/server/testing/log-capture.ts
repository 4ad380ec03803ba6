/** For a test that checks what the server logs (or keeps an expected failure quiet): the logger's lines, held instead of written. */
import { vi } from 'vitest';
import { log } from '../observability/log';

/** An error as pino writes it (its message and stack), where JSON.stringify alone gives {}. */
const withErrors = (_key: string, value: unknown) => (value instanceof Error ? { type: value.name, message: value.message, stack: value.stack } : value);

export function captureLog(): { text: () => string; restore: () => void } {
	const lines: string[] = [];
	const spies = (['debug', 'info', 'warn', 'error'] as const).map((level) =>
		vi.spyOn(log, level).mockImplementation(((...args: unknown[]) => void lines.push(JSON.stringify(args, withErrors))) as never)
	);
	return { text: () => lines.join('\n'), restore: () => spies.forEach((spy) => spy.mockRestore()) };
}
