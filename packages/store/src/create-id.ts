import { randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

// One system call per 256 ids instead of one per id: bulk ingest creates tens of thousands.
const pool = Buffer.alloc(16 * 256);
let poolOffset = pool.length;

let lastTime = -1;
const lastRandom: number[] = new Array<number>(16).fill(0);

function encodeTime(time: number): string {
  let text = '';
  let rest = time;
  for (let i = 0; i < 10; i += 1) {
    text = ALPHABET[rest % 32] + text;
    rest = Math.floor(rest / 32);
  }
  return text;
}

/**
 * A 26-character id that sorts by creation time (48-bit milliseconds, then 80 random bits),
 * monotonic like a ULID: within one millisecond the random part is incremented, so ids made in
 * a row (a topic's queries) keep their order. Time order also keeps index inserts local, which
 * matters at bulk-ingest rates.
 *
 * @example
 * createId(); // '01m8b0txz8xrpaq28xtn1vj7ez'
 */
export function createId(now = Date.now()): string {
  if (now <= lastTime) {
    // Same (or a clock-stepped-back) millisecond: keep the last time, add one to the random part.
    let i = 15;
    while (i >= 0 && lastRandom[i] === 31) {
      lastRandom[i] = 0;
      i -= 1;
    }
    if (i >= 0) lastRandom[i] = (lastRandom[i] as number) + 1;
  } else {
    lastTime = now;
    if (poolOffset + 16 > pool.length) {
      randomFillSync(pool);
      poolOffset = 0;
    }
    // The first digit keeps a spare bit so that increments within a millisecond never overflow.
    for (let i = 0; i < 16; i += 1) lastRandom[i] = (pool[poolOffset + i] as number) & (i === 0 ? 15 : 31);
    poolOffset += 16;
  }
  let random = '';
  for (let i = 0; i < 16; i += 1) random += ALPHABET[lastRandom[i] as number];
  return encodeTime(lastTime) + random;
}
