/**
 * The API's one error shape (API.md): `{ "error": { "code", "message", "fields" } }`. Used by
 * the endpoint wrapper and by the hooks that answer before any endpoint runs (a body too
 * large, a NUL in the address, the database gone), so a script always reads one shape.
 */
export function apiError(status: number, code: string, message: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}): Response {
	return Response.json({ error: { code, message, fields } }, { status, headers });
}

/** Whether a request is for the JSON API (which answers errors in JSON, not pages). */
export const isApiPath = (pathname: string) => pathname.startsWith('/api/');
