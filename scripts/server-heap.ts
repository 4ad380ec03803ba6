// The server's V8 heap cap, shared by `npm start` and `npm run bench` so the bench measures what runs.
//
// Why a cap at all: without one, V8 sizes a 64-bit heap for ~4 GB and lets old space grow
// freely under concurrent requests (peak RSS ~260–450 MB at 50 connections, though only
// ~27 MB is live after a GC). Any cap of 1 GB or less makes V8 collect sooner and holds the
// peak near 170 MB at the same throughput (measured: bench/README.md, "Memory").
// HEARTH_HEAP_MB raises it for households whose imports are larger than the cap allows.
export const DEFAULT_HEAP_MB = 1024;

export function serverHeapFlag(env: NodeJS.ProcessEnv = process.env): string {
	const mb = Number(env.HEARTH_HEAP_MB ?? DEFAULT_HEAP_MB);
	if (!Number.isInteger(mb) || mb < 128) throw new Error(`HEARTH_HEAP_MB must be a whole number of MB, at least 128 (got "${env.HEARTH_HEAP_MB}").`);
	return `--max-old-space-size=${mb}`;
}

/** Whether the operator already set a heap size (in node's own flags or NODE_OPTIONS): theirs wins. */
export function heapSizeIsSet(execArgv: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
	return [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)].some((flag) => flag.startsWith('--max-old-space-size'));
}
