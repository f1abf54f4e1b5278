/** Renders the whole app at an address inside a memory router, as the tests' reader sees it. */
import { render, type RenderResult } from '@testing-library/react';
import { useEffect, type ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { App } from '../../src/app/router.tsx';

export interface CurrentAddress {
  pathname: string;
  search: string;
}

function AddressProbe({ into }: { into: CurrentAddress }) {
  const location = useLocation();
  useEffect(() => {
    into.pathname = location.pathname;
    into.search = location.search;
  }, [into, location]);
  return null;
}

/** `address` is where the app is, kept current as the reader navigates. */
export function renderApp(path: string): RenderResult & { address: CurrentAddress } {
  const address: CurrentAddress = { pathname: '', search: '' };
  const result = render(
    <MemoryRouter initialEntries={[path]}>
      <App />
      <AddressProbe into={address} />
    </MemoryRouter>,
  );
  return { ...result, address };
}

/** One component on its own, where it needs a router for its links. */
export function renderWithRouter(element: ReactNode) {
  return render(<MemoryRouter>{element}</MemoryRouter>);
}
