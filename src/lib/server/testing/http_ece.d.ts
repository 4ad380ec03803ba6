// http_ece (the RFC 8188/8291 content encoding web-push uses) has no types of its own:
// the one call the push test makes to decrypt what the push service received.
declare module 'http_ece' {
	import type { ECDH } from 'node:crypto';
	const ece: {
		decrypt(buffer: Buffer, params: { version: 'aes128gcm'; privateKey: ECDH; authSecret: string }): Buffer;
	};
	export default ece;
}
