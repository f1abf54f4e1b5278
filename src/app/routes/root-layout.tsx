import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { SAVED_PATH } from '../../shared/site-paths.ts';
import { KeyboardShortcuts } from '../keyboard/keyboard-shortcuts.tsx';
import { OfflineStatus } from '../offline/offline-status.tsx';
import { ReaderControls } from '../reader-settings/reader-controls.tsx';
import { useSavedArticles } from '../reading/reading-history.ts';
import { SearchBox } from '../search/search-box.tsx';
import { useNavigationPending } from '../routing/app-routes.tsx';

export function RootLayout({ children }: { children: ReactNode }) {
  const pending = useNavigationPending();
  const savedCount = useSavedArticles().length;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="masthead">
          Broadsheet
        </Link>
        <nav className="site-nav" aria-label="Site">
          <NavLink to={SAVED_PATH}>{savedCount > 0 ? `Saved (${savedCount})` : 'Saved'}</NavLink>
        </nav>
        <SearchBox />
        <ReaderControls />
      </header>
      <OfflineStatus />
      <main id="main" tabIndex={-1} aria-busy={pending}>
        {children}
      </main>
      <footer className="site-footer">
        <KeyboardShortcuts />
        <a href="/feed.xml">RSS feed</a>
        <a href="/atom.xml">Atom feed</a>
      </footer>
    </>
  );
}
