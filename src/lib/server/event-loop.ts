/**
 * How long the event loop was held, for `npm run bench` (its `stallMs`): with
 * HEARTH_EVENT_LOOP_REPORT set to a file, each SIGUSR2 writes the longest delay since the
 * previous one (`{ "maxMs": … }`) to that file and starts counting again. Off otherwise.
 */
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export function watchEventLoop(reportFile = process.env.HEARTH_EVENT_LOOP_REPORT): void {
	if (!reportFile) return;
	// 10 ms sampling: a stall is counted to within 10 ms, at a cost too small to see.
	const delays = monitorEventLoopDelay({ resolution: 10 });
	delays.enable();
	process.on('SIGUSR2', () => {
		writeFileSync(reportFile, JSON.stringify({ maxMs: Math.round(delays.max / 1e4) / 100 }));
		delays.reset();
	});
}

/**
 * For long work in a request (planning a big house, writing its calendar feed): call the
 * returned function between small steps; it gives the event loop back whenever a slice has
 * taken `sliceMs`, so other requests go on meanwhile (no request holds the loop for long).
 */
export function timeSlices(sliceMs = 20): () => Promise<void> {
	let sliceStart = performance.now();
	return async () => {
		if (performance.now() - sliceStart <= sliceMs) return;
		await new Promise((resolve) => setImmediate(resolve));
		sliceStart = performance.now();
	};
}
