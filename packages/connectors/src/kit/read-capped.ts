import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { ConnectorError, isConnectorError } from '../connector-error';

/** "10 MB", "256 KB": sizes as a user reads them in error messages. */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** The decompressor for a `Content-Encoding`, or undefined for identity/unknown. */
export function decoderFor(encoding: string | undefined): NodeJS.ReadWriteStream | undefined {
  const name = encoding?.trim().toLowerCase();
  if (name === 'gzip' || name === 'x-gzip') return createGunzip();
  if (name === 'deflate') return createInflate();
  if (name === 'br') return createBrotliDecompress();
  return undefined;
}

/**
 * Reads a body up to `maxBytes` (after decompression), aborting the transfer at the cap: a
 * gzip bomb stops at the cap too.
 *
 * @example
 * const body = await readCapped(response.body, headers['content-encoding'], 10 * 1024 * 1024, url);
 */
export async function readCapped(body: Readable, encoding: string | undefined, maxBytes: number, url: string): Promise<Buffer> {
  const decoder = decoderFor(encoding);
  const source: AsyncIterable<Buffer> = decoder === undefined ? body : (pipeline(body, decoder, () => undefined) as unknown as AsyncIterable<Buffer>);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of source) {
      total += chunk.length;
      if (total > maxBytes) {
        // Leaving the loop by a throw ends the iterator, which destroys the stream: the transfer stops here.
        throw new ConnectorError('too_large', `the response from ${url} exceeded ${formatBytes(maxBytes)}`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (isConnectorError(error)) throw error;
    if (decoder !== undefined && (error as NodeJS.ErrnoException).code?.startsWith('Z_')) {
      throw new ConnectorError('invalid_payload', `the ${encoding ?? ''} compressed body from ${url} is corrupt`, { cause: error });
    }
    throw error;
  }
  return Buffer.concat(chunks);
}
