import { CONNECTOR_IDS } from '@vigie/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { listCapabilities } from './connector';
import { getConnector, listConnectors } from './registry';

describe('registry', () => {
  it('lists each connector once, under an id core knows', () => {
    const ids = listConnectors().map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(CONNECTOR_IDS).toContain(id);
  });

  it('finds a connector by id and answers undefined for an unknown one', () => {
    expect(getConnector('rss')?.name).toBe('RSS / Atom / JSON Feed');
    expect(getConnector('myspace')).toBeUndefined();
  });

  it('gives what GET /api/connectors presents: capabilities and a settings schema', () => {
    for (const connector of listConnectors()) {
      expect(listCapabilities(connector).length, connector.id).toBeGreaterThan(0);
      expect(z.toJSONSchema(connector.sourceConfig, { io: 'input' }), connector.id).toMatchObject({ type: 'object' });
    }
    expect(listCapabilities(getConnector('hackernews') ?? { capabilities: {} })).toEqual(['poll', 'search']);
  });
});
