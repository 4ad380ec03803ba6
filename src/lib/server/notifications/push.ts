/**
 * Web Push: a browser's subscription (its push service's address and keys) is kept per
 * account; a notification is encrypted for it (RFC 8291) and signed with this server's
 * VAPID key by the `web-push` library, and sent here with fetch, bounded by a timeout.
 * A push service that answers 404 or 410 has forgotten the subscription: it is dropped.
 */
import webpush from 'web-push';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { mailOrigin } from '$lib/server/origin';
import { vapidKeys } from './secrets';
import { m } from '$lib/paraglide/messages';

const subscriptionText = (max: number) =>
	z
		.string({ error: () => m.v_push_subscription() })
		.min(1, { error: () => m.v_push_subscription() })
		.max(max, { error: () => m.v_push_subscription() });

/** A subscription as a browser's PushSubscription.toJSON() gives it (its expiry, if any, is left out). */
export const pushSubscriptionInput = z
	.object({
		endpoint: z.url({ protocol: /^https?$/, error: () => m.v_push_subscription() }).max(1000, { error: () => m.v_push_subscription() }),
		keys: z.object({ p256dh: subscriptionText(200), auth: subscriptionText(100) }, { error: () => m.v_push_subscription() })
	})
	.meta({ id: 'PushSubscriptionInput' });
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionInput>;

/** The key a browser subscribes with (public by design). */
export async function pushPublicKey(): Promise<string> {
	return (await vapidKeys()).publicKey;
}

/** This browser now takes this account's pushes; a subscription another account had moves to this one (one browser, one person at a time). */
export async function savePushSubscription(userId: string, input: PushSubscriptionInput): Promise<void> {
	const row = { endpoint: input.endpoint, userId, p256dh: input.keys.p256dh, auth: input.keys.auth };
	await getDb()
		.insertInto('pushSubscriptions')
		.values(row)
		.onConflict((oc) => oc.column('endpoint').doUpdateSet({ userId, p256dh: row.p256dh, auth: row.auth }))
		.execute();
}

export async function removePushSubscription(userId: string, endpoint: string): Promise<void> {
	await getDb().deleteFrom('pushSubscriptions').where('userId', '=', userId).where('endpoint', '=', endpoint).execute();
}

export async function pushEndpointsOf(userId: string): Promise<string[]> {
	return (await getDb().selectFrom('pushSubscriptions').select('endpoint').where('userId', '=', userId).execute()).map((r) => r.endpoint);
}

export interface PushMessage {
	title: string;
	/** Where a tap takes the person (a path on this server). */
	path: string;
	/** One notification per event on a device: a resend replaces, never doubles. */
	tag: string;
}

export type PushResult = 'sent' | 'gone' | 'none' | { retry: string };

/** Sends to every device of the account; 'gone' subscriptions are dropped. Temporary failures ask for a retry. */
export async function pushToUser(userId: string, message: PushMessage): Promise<PushResult> {
	const subscriptions = await getDb().selectFrom('pushSubscriptions').selectAll().where('userId', '=', userId).execute();
	if (subscriptions.length === 0) return 'none';
	const keys = await vapidKeys();
	const origin = mailOrigin();
	const subject = process.env.PUSH_CONTACT ?? (origin?.startsWith('https:') ? origin : 'mailto:hearth@localhost');
	let sent = 0;
	let failure: string | null = null;
	for (const subscription of subscriptions) {
		const request = webpush.generateRequestDetails(
			{ endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
			JSON.stringify(message),
			{ vapidDetails: { subject, publicKey: keys.publicKey, privateKey: keys.privateKey }, TTL: 24 * 3600 }
		);
		try {
			const response = await fetch(request.endpoint, {
				method: request.method,
				headers: request.headers as Record<string, string>,
				body: new Uint8Array(request.body),
				signal: AbortSignal.timeout(10_000)
			});
			if (response.status === 404 || response.status === 410) {
				await getDb().deleteFrom('pushSubscriptions').where('endpoint', '=', subscription.endpoint).execute();
			} else if (response.ok) {
				sent++;
			} else {
				failure = `push service answered ${response.status}`;
			}
		} catch (error) {
			failure = (error as Error).message;
		}
	}
	if (sent > 0) return 'sent';
	return failure ? { retry: failure } : 'gone';
}
