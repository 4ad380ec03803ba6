/**
 * A response body written a piece at a time: each piece is made only when the reader
 * (the client's connection) asks for more, so a big answer never sits whole in memory.
 * When the reader goes away, the pieces' generator is returned (its `finally` runs).
 */
export function textStream(pieces: AsyncIterable<string>): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	const iterator = pieces[Symbol.asyncIterator]();
	return new ReadableStream({
		async pull(controller) {
			const next = await iterator.next();
			if (next.done) controller.close();
			else controller.enqueue(encoder.encode(next.value));
		},
		async cancel() {
			await iterator.return?.();
		}
	});
}

/** All of a generator's text as one string (tests, and callers that need the whole). */
export async function collectText(pieces: AsyncIterable<string>): Promise<string> {
	let text = '';
	for await (const piece of pieces) text += piece;
	return text;
}
