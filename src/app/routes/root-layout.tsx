import { Link, Outlet, useNavigation } from 'react-router';
import { OfflineStatus } from '../offline/offline-status.tsx';
import { SearchBox } from '../search/search-box.tsx';

export function RootLayout() {
  const navigation = useNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="masthead">
          Broadsheet
        </Link>
        <SearchBox />
      </header>
      <OfflineStatus />
      <main id="main" tabIndex={-1} aria-busy={navigation.state === 'loading'}>
        <Outlet />
      </main>
    </>
  );
}
