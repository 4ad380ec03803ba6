/**
 * The 1 MB body limit holds whatever the framing: a chunked body (no Content-Length) is
 * counted as it arrives and refused once it passes the limit; only a logged-in person's
 * import may be larger.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { baseUrl, newAccount } from '$lib/server/testing/http';

/**
 * Sends `chunks` × `chunkSize` bytes with Transfer-Encoding: chunked; the status (0 when
 * the server closed the connection before the answer could be read, as it does once it
 * stops reading a body it refused), and how many bytes went out before that.
 */
function postChunked(
	path: string,
	chunkSize: number,
	chunks: number,
	headers: Record<string, string> = {}
): Promise<{ status: number; sent: number; body: string }> {
	return new Promise((resolve, reject) => {
		const url = new URL(path, baseUrl());
		let sent = 0;
		let answered = false;
		const req = request(
			{
				host: url.hostname,
				port: url.port,
				path: url.pathname + url.search,
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl(), 'x-test-client-address': `chunked-${Math.random()}`, ...headers }
			},
			(res) => {
				answered = true;
				let body = '';
				res.on('data', (d: Buffer) => (body += d.toString()));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, sent, body }));
			}
		);
		req.on('error', (error: NodeJS.ErrnoException) => {
			if (answered) return;
			answered = true;
			if (error.code === 'ECONNRESET' || error.code === 'EPIPE') resolve({ status: 0, sent, body: '' });
			else reject(error);
		});
		const chunk = Buffer.alloc(chunkSize, 'a');
		const writeNext = (i: number) => {
			if (answered || i >= chunks) return void req.end();
			sent += chunk.length;
			if (req.write(chunk)) setImmediate(() => writeNext(i + 1));
			else req.once('drain', () => writeNext(i + 1));
		};
		writeNext(0);
	});
}

describe('the body limit with chunked encoding', () => {
	it('refuses a chunked 50 MB login (413, or the connection closed) after reading little more than 1 MB', async () => {
		const { status, sent } = await postChunked('/login', 64 * 1024, 800);
		expect([413, 0]).toContain(status);
		// The server stopped reading: far less than the 50 MB went out (socket buffers hold a few MB at most).
		expect(sent).toBeLessThan(20 * 1024 * 1024);
	});

	it('refuses a large chunked import from someone not logged in, and lets a small chunked form through', async () => {
		expect([413, 0]).toContain((await postChunked('/api/v1/households/import', 64 * 1024, 40, { 'content-type': 'application/json' })).status);
		const account = await newAccount('Chunky');
		const small = await postChunked('/login', 10, 1);
		expect(small.status).not.toBe(413);
		expect(small.status).toBeLessThan(500);
		// A logged-in import may be larger than 1 MB (it is then refused for what it holds, not its size).
		const big = await postChunked('/api/v1/households/import', 64 * 1024, 40, { 'content-type': 'application/json', authorization: `Bearer ${account.token}` });
		expect(big.status).toBe(400);
	});
});

describe('deeply nested JSON', () => {
	it('answers 400 with a clear error, logged in or not, and on the import page', async () => {
		const deep = '{"email":' + '['.repeat(200_000) + ']'.repeat(200_000) + '}';
		const response = await fetch(`${baseUrl()}/api/v1/sessions`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-test-client-address': `deep-${Math.random()}` },
			body: deep
		});
		expect(response.status).toBe(400);
		expect(((await response.json()) as { error: { code: string } }).error.code).toBe('too_deep');
		const account = await newAccount('Nested');
		const form = new FormData();
		form.set('file', new File([deep], 'export.json', { type: 'application/json' }));
		const page = await fetch(`${baseUrl()}/households/import`, {
			method: 'POST',
			headers: { cookie: `hearth_session=${account.token}`, origin: baseUrl(), accept: 'text/html' },
			body: form
		});
		expect(page.status).toBe(400);
		expect(await page.text()).toContain('nested too deeply');
	});
});
