/**
 * An instance told to stop (SIGTERM) first says so on GET /healthz, so the load balancer
 * takes it out of rotation while it still serves; only then does it stop accepting and
 * finish what is in flight (scripts/start.ts). The flag lives on the process, not in a
 * module, because the start script and the built app each have their own copy of this file.
 */
const DRAINING = Symbol.for('hearth.draining');

type WithFlag = typeof globalThis & { [DRAINING]?: boolean };

export function startDraining(): void {
	(globalThis as WithFlag)[DRAINING] = true;
}

export function isDraining(): boolean {
	return (globalThis as WithFlag)[DRAINING] === true;
}
