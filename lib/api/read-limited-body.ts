// Reads a request body as UTF-8 text, never more than `maxBytes`. Bytes are counted as the stream
// arrives, so a chunked body without Content-Length, or one whose Content-Length understates it,
// is cut off just past the limit instead of being buffered whole; a declared length over the limit
// is refused before anything is read.
import "server-only";
import { AppError } from "@/lib/errors";

export class BodyError extends AppError {}

function tooLarge(maxBytes: number): BodyError {
  return new BodyError("payload_too_large", 413, `The body must be at most ${maxBytes / 1024} kB.`);
}

export async function readLimitedBody(request: Request, maxBytes: number): Promise<string> {
  return decodeUtf8(await readLimitedBytes(request, maxBytes));
}

/** The body text of bytes already read; 400 when they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new BodyError("invalid_json", 400, "The body is not valid JSON.");
  }
}

/** The body's bytes, never more than `maxBytes` (the same counting as readLimitedBody). */
export async function readLimitedBytes(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        // Stop pulling from the client: the rest of the stream is never read.
        void reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof BodyError) throw error;
    throw new BodyError("body_unreadable", 400, "The request body could not be read to its end.");
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks, total);
}
