import type { MentionListFilter, MentionView } from '@vigie/client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api-client';
import { matchesFilter } from './mention-filter';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

/** How long a new mention keeps its highlight. */
const FRESH_MS = 6000;

/**
 * Follows the live stream for the current filter. New mentions go to `onArrive` (to put on top)
 * unless paused; while paused they wait in a queue that resuming delivers at once.
 */
export function useLiveMentions(filter: MentionListFilter, onArrive: (mentions: MentionView[]) => void) {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [paused, setPaused] = useState(false);
  const [queued, setQueued] = useState(0);
  const queueRef = useRef<MentionView[]>([]);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  // The stream callback outlives renders: it reads the latest filter/pause/handler through refs.
  const filterRef = useRef(filter);
  const pausedRef = useRef(paused);
  const arriveRef = useRef(onArrive);
  filterRef.current = filter;
  pausedRef.current = paused;
  arriveRef.current = onArrive;

  const markFresh = useCallback((ids: string[]) => {
    setFresh((set) => new Set([...set, ...ids]));
    window.setTimeout(() => setFresh((set) => new Set([...set].filter((id) => !ids.includes(id)))), FRESH_MS);
  }, []);

  useEffect(() => {
    setStatus('connecting');
    return api.mentions.stream(
      (mention) => {
        if (!matchesFilter(mention, filterRef.current)) return;
        if (pausedRef.current) {
          queueRef.current = [mention, ...queueRef.current.filter((m) => m.id !== mention.id)];
          setQueued(queueRef.current.length);
          return;
        }
        arriveRef.current([mention]);
        markFresh([mention.id]);
      },
      {
        topic: filter.topic,
        onOpen: () => setStatus('live'),
        onError: () => setStatus('reconnecting'),
      },
    );
  }, [filter.topic, markFresh]);

  const togglePause = useCallback(() => {
    const waiting = queueRef.current;
    if (pausedRef.current && waiting.length > 0) {
      arriveRef.current(waiting);
      markFresh(waiting.map((m) => m.id));
    }
    queueRef.current = [];
    setQueued(0);
    setPaused((p) => !p);
  }, [markFresh]);

  return { status, paused, queued, fresh, togglePause };
}
