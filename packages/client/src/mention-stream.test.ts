import { describe, expect, it } from 'vitest';
import { parseSseBuffer } from './mention-stream';

describe('parseSseBuffer', () => {
  it('keeps an unfinished event for the next chunk and skips comments', () => {
    const { events, rest } = parseSseBuffer(': ping\n\nevent: mention\ndata: {"a":1}\n\nevent: mention\ndata: {"a"');
    expect(events).toEqual([{ event: 'mention', data: '{"a":1}' }]);
    expect(rest).toBe('event: mention\ndata: {"a"');
  });

  it('joins multi-line data and accepts CRLF line ends', () => {
    const { events } = parseSseBuffer('data: one\r\ndata: two\r\n\r\n');
    expect(events).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });
});
