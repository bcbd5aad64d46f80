import { useCallback, useRef, useState } from 'react';
import type { LookupResult } from '@/lib/model';

export interface LookupState {
  query: string;
  results: LookupResult[];
  /** The query the shown results answer. */
  answered: string;
  pending: boolean;
  error?: string;
}

/**
 * Look up as the rep types: one request per keystroke, no debounce (the matcher answers in milliseconds),
 * and a reply to an older keystroke is dropped when a newer one is already on its way.
 */
export function useLookup(lookup: (query: string) => Promise<LookupResult[]>) {
  const [state, setState] = useState<LookupState>({ query: '', results: [], answered: '', pending: false });
  const latest = useRef(0);
  const onQuery = useCallback(
    (query: string) => {
      const ticket = ++latest.current;
      if (query.trim() === '') {
        setState({ query, results: [], answered: '', pending: false });
        return;
      }
      setState((s) => ({ ...s, query, pending: true }));
      lookup(query).then(
        (results) => {
          if (ticket === latest.current) setState({ query, results, answered: query, pending: false });
        },
        () => {
          if (ticket === latest.current)
            setState({
              query,
              results: [],
              answered: query,
              pending: false,
              error: 'The lookup is not available right now. Close and reopen this popup to try again.',
            });
        },
      );
    },
    [lookup],
  );
  return { state, onQuery };
}
