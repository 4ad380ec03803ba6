const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are opaque to clients, but a malformed one can be answered 404 without asking Postgres. */
export function isUuid(value: string): boolean {
	return UUID.test(value);
}
