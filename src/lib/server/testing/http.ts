import { request } from 'node:http';
/** A small client for the built app the global setup started. */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';

export const baseUrl = () => inject('httpBaseUrl');

export interface ApiResponse<T = unknown> {
	status: number;
	body: T;
	headers: Headers;
}

export interface CallOptions {
	method?: string;
	body?: unknown;
	token?: string;
	cookie?: string;
	/** Rate limits count per address; each test gets its own unless it names one. */
	address?: string;
	headers?: Record<string, string>;
	rawBody?: string;
}

const defaultAddress = `10.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`;

// Tests read response bodies freely; each assertion says what it expects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function call<T = any>(path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
	const headers: Record<string, string> = { 'x-test-client-address': options.address ?? defaultAddress, ...options.headers };
	if (options.token) headers.authorization = `Bearer ${options.token}`;
	if (options.cookie) headers.cookie = options.cookie;
	let body: string | undefined = options.rawBody;
	if (options.body !== undefined) {
		headers['content-type'] = 'application/json';
		body = JSON.stringify(options.body);
	}
	const response = await fetch(`${baseUrl()}${path}`, { method: options.method ?? 'GET', headers, body, redirect: 'manual' });
	const text = await response.text();
	let parsed: unknown = text;
	try {
		parsed = text ? JSON.parse(text) : null;
	} catch {
		// Not JSON (an HTML page): keep the text.
	}
	return { status: response.status, body: parsed as T, headers: response.headers };
}

/** A fresh account and its bearer token. */
export async function newAccount(displayName = 'Alex') {
	const email = `${displayName.toLowerCase()}-${randomUUID().slice(0, 8)}@test.example`;
	const password = 'correct horse battery';
	const address = `192.0.2.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
	const created = await call<{ id: string }>('/api/v1/users', { method: 'POST', body: { email, password, displayName }, address });
	if (created.status !== 201) throw new Error(`sign up failed: ${created.status} ${JSON.stringify(created.body)}`);
	const session = await call<{ token: string }>('/api/v1/sessions', { method: 'POST', body: { email, password }, address });
	return { id: created.body.id, email, password, token: session.body.token };
}

export async function newHousehold(token: string, name = 'Test House') {
	const response = await call<{ id: string; me: { memberId: string } }>('/api/v1/households', {
		method: 'POST',
		token,
		body: { name, currency: 'EUR', timezone: 'Europe/Berlin' }
	});
	if (response.status !== 201) throw new Error(`household failed: ${response.status} ${JSON.stringify(response.body)}`);
	return response.body;
}

/** The text of the first saved mail to `to` in `mailDir` (mail is sent by a job, so it may take a moment). */
export async function waitForMail(mailDir: string, to: string, timeoutMs = 15_000): Promise<string> {
	const { readdirSync, readFileSync } = await import('node:fs');
	const { join } = await import('node:path');
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = readdirSync(mailDir)
			.map((name) => readFileSync(join(mailDir, name), 'utf8'))
			.find((text) => text.startsWith(`To: ${to}\n`));
		if (found) return found;
		if (Date.now() > deadline) throw new Error(`No mail to ${to} within ${timeoutMs} ms.`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

/** A POST whose answer may come (and the connection close) before the body is all sent: status 0 when the close came first. */
export function postEarlyAnswered(path: string, token: string, body: string): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const url = new URL(path, baseUrl());
		let answered = false;
		const req = request(
			{
				host: url.hostname,
				port: url.port,
				path: url.pathname,
				method: 'POST',
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }
			},
			(res) => {
				answered = true;
				let text = '';
				res.on('data', (chunk: Buffer) => (text += chunk.toString()));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
			}
		);
		req.on('error', (error: NodeJS.ErrnoException) => {
			if (answered) return;
			answered = true;
			if (error.code === 'ECONNRESET' || error.code === 'EPIPE') resolve({ status: 0, body: '' });
			else reject(error);
		});
		req.end(body);
	});
}
