/**
 * The header's search box: results as you type (each keystroke replaces the `?q=` of the search page, so
 * the back button leaves search rather than stepping through letters), and `/` focuses it from anywhere.
 */
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { SEARCH_PATH, searchPath } from '../../shared/site-paths.ts';
import { isTypingTarget } from '../keyboard/keyboard-shortcuts.tsx';

export function SearchBox() {
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const onSearchPage = location.pathname === SEARCH_PATH || location.pathname === '/search';
  const urlQuery = onSearchPage ? (params.get('q') ?? '') : '';
  const [value, setValue] = useState(urlQuery);
  const input = useRef<HTMLInputElement>(null);

  // Follow the address when it changes from outside (back button, a shared link).
  useEffect(() => {
    if (input.current !== document.activeElement) setValue(urlQuery);
  }, [urlQuery]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <form
      role="search"
      className="search-box"
      action={SEARCH_PATH}
      method="get"
      onSubmit={(event) => {
        event.preventDefault();
        void navigate(searchPath(value.trim()), { replace: onSearchPage });
      }}
    >
      <label htmlFor="search-input" className="visually-hidden">
        Search stories
      </label>
      <input
        ref={input}
        id="search-input"
        type="search"
        name="q"
        autoComplete="off"
        placeholder="Search  ( / )"
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          void navigate(searchPath(event.target.value), { replace: onSearchPage });
        }}
      />
    </form>
  );
}
