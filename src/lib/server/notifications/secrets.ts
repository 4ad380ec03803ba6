/**
 * This server's own secrets, made once and kept in the database so every app instance
 * uses the same ones: the VAPID key pair push services know this server by, and the key
 * that signs unsubscribe links. Whichever instance asks first makes them; the others read.
 */
import { randomBytes } from 'node:crypto';
import webpush from 'web-push';
import { getDb } from '$lib/server/db';

const kept = new Map<string, string>();

async function secret(name: string, make: () => string): Promise<string> {
	const known = kept.get(name);
	if (known) return known;
	const db = getDb();
	const read = () => db.selectFrom('instanceSecrets').select('value').where('name', '=', name).executeTakeFirst();
	// Made once, at start (hooks.server.ts); after that a page that needs one only reads it.
	let row = await read();
	if (!row) {
		await db
			.insertInto('instanceSecrets')
			.values({ name, value: make() })
			.onConflict((oc) => oc.column('name').doNothing())
			.execute();
		row = await read();
	}
	if (!row) throw new Error(`The secret ${name} could not be made.`);
	// A secret never changes once made: kept in memory, it is the same in every instance.
	kept.set(name, row.value);
	return row.value;
}

export interface VapidKeys {
	publicKey: string;
	privateKey: string;
}

export async function vapidKeys(): Promise<VapidKeys> {
	return JSON.parse(await secret('vapid', () => JSON.stringify(webpush.generateVAPIDKeys()))) as VapidKeys;
}

export async function signingKey(): Promise<Buffer> {
	return Buffer.from(await secret('unsubscribe-signing', () => randomBytes(32).toString('base64url')), 'base64url');
}

/** Made at start so the first subscriber does not wait for them. */
export async function ensureInstanceSecrets(): Promise<void> {
	await vapidKeys();
	await signingKey();
}
