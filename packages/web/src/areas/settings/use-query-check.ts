import type { QueryPreview, QueryValidation } from '@vigie/client';
import { useEffect, useState } from 'react';
import { api } from '../../api-client';
import { useDebounced } from '../../ui/use-debounced';

export interface QueryCheck {
  /** The text this validation answered for (tokens only fit that exact text). */
  text: string;
  validation?: QueryValidation;
  preview?: QueryPreview;
  previewLoading: boolean;
  error?: unknown;
}

/**
 * Validates the query as the user types (debounced) and, when it parses, previews it on stored
 * history. Answers for an older text are dropped so highlighting never lags behind the input.
 */
export function useQueryCheck(text: string, delayMs = 250): QueryCheck {
  const settled = useDebounced(text, delayMs);
  const [check, setCheck] = useState<QueryCheck>({ text: '', previewLoading: false });
  useEffect(() => {
    let current = true;
    if (settled.trim() === '') {
      setCheck({ text: settled, previewLoading: false });
      return undefined;
    }
    api.queries.validate(settled).then(
      (validation) => {
        if (!current) return;
        setCheck({ text: settled, validation, previewLoading: validation.valid });
        if (!validation.valid) return;
        api.queries.preview(settled, { days: 30, limit: 5 }).then(
          (preview) => current && setCheck({ text: settled, validation, preview, previewLoading: false }),
          (error: unknown) => current && setCheck({ text: settled, validation, error, previewLoading: false }),
        );
      },
      (error: unknown) => current && setCheck({ text: settled, error, previewLoading: false }),
    );
    return () => {
      current = false;
    };
  }, [settled]);
  return check;
}
