import { useEffect, useState } from 'react';

/** Current route from the URL hash (`#/mentions` → `/mentions`); hash routes need no server fallback. */
export function useHashRoute(): string {
  const read = (): string => window.location.hash.replace(/^#/, '') || '/';
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = (): void => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
