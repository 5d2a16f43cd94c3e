/**
 * A connector's `sourceModes` is what the settings form offers as "exactly one of": it must be
 * exactly the settings its schema accepts one at a time — each alone is a valid source, any two
 * together are refused.
 */
import { describe, expect, it } from 'vitest';
import { listConnectors } from '../registry';

/** A valid value for each mode, and the settings every source of the connector needs besides. */
const SAMPLES: Record<string, { base: Record<string, unknown>; modes: Record<string, unknown> }> = {
  mastodon: {
    base: { instance: 'https://mastodon.social', token: 'token-0123456789' },
    modes: { hashtag: 'vigie', timeline: 'local', search: 'vigie', notifications: true },
  },
  bluesky: {
    base: { identifier: 'vigie.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' },
    modes: { search: 'vigie lang:fr', author: 'vigie.bsky.social', notifications: true },
  },
  reddit: { base: {}, modes: { subreddit: 'france', search: 'vigie' } },
  youtube: {
    base: { apiKey: 'AIzaSyA-vigie-example-key-0001' },
    modes: { query: 'vigie', channelId: 'UCvigieExempleChaine0001', videoId: 'dQw4w9WgXcQ' },
  },
};

const withModes = listConnectors().filter((c) => c.sourceModes !== undefined);

describe('connector source modes (exactly one of)', () => {
  it('every connector declaring modes has samples here, and the four known ones declare them', () => {
    expect(withModes.map((c) => c.id).sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  for (const connector of withModes) {
    const sample = SAMPLES[connector.id];
    describe(connector.id, () => {
      it('declares exactly the modes the samples exercise, each a setting of its source config', () => {
        expect([...(connector.sourceModes ?? [])].sort()).toEqual(Object.keys(sample?.modes ?? {}).sort());
      });

      it('accepts each mode alone', () => {
        for (const mode of connector.sourceModes ?? []) {
          const result = connector.sourceConfig.safeParse({ ...sample?.base, [mode]: sample?.modes[mode] });
          expect(result.success, `${connector.id} with only ${mode}: ${result.error?.message ?? ''}`).toBe(true);
        }
      });

      it('refuses no mode and any two modes at once, naming the first mode', () => {
        const none = connector.sourceConfig.safeParse({ ...sample?.base });
        expect(none.success).toBe(false);
        const modes = connector.sourceModes ?? [];
        for (const [i, a] of modes.entries()) {
          for (const b of modes.slice(i + 1)) {
            const result = connector.sourceConfig.safeParse({ ...sample?.base, [a]: sample?.modes[a], [b]: sample?.modes[b] });
            expect(result.success, `${connector.id} with ${a} and ${b}`).toBe(false);
            expect(result.error?.issues.some((issue) => issue.path[0] === modes[0] && /exactly|exactement|soit/.test(issue.message))).toBe(true);
          }
        }
      });
    });
  }
});
