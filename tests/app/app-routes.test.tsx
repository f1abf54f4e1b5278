/** Navigation with data: the current page stays until the next has its data; newer navigations win; errors show. */
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { Link, MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppRoutes, useNavigationPending, useRouteData, useRouteError } from '../../src/app/routing/app-routes.tsx';
import type { AppRoute, LoaderArgs } from '../../src/app/routing/route-loading.ts';
import { RouteStatus } from '../../src/app/routing/route-status.ts';

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

function Layout({ children }: { children: ReactNode }) {
  return (
    <>
      <nav>
        <Link to="/">Home</Link>
        <Link to="/slow">Slow</Link>
        <Link to="/item/42?tab=notes">Item</Link>
        <Link to="/missing">Missing</Link>
        <Link to="/broken">Broken</Link>
        <Link to="/later">Later</Link>
        <Link to="/counted">Counted</Link>
        <Link to="/counted#part-2">Counted, second part</Link>
        <Link to="/item/%D9%86%D9%87%D8%B1?tab=%D9%85">Encoded</Link>
      </nav>
      <main aria-busy={useNavigationPending()}>{children}</main>
    </>
  );
}

function ErrorView() {
  const error = useRouteError();
  return <h1>{error instanceof RouteStatus ? `Status ${error.status}` : `Failed: ${String(error)}`}</h1>;
}

function Titled<L extends (...args: never[]) => unknown>() {
  return <h1>{String(useRouteData<L>())}</h1>;
}

function setup(extra: AppRoute[] = []) {
  const slow = deferred<string>();
  const signals: AbortSignal[] = [];
  const routes: AppRoute[] = [
    { path: '/', module: { loader: () => 'Home page', Component: Titled } },
    {
      path: '/slow',
      module: {
        loader: ({ signal }: LoaderArgs) => {
          signals.push(signal);
          return slow.promise;
        },
        Component: Titled,
      },
    },
    {
      path: '/item/:id',
      module: {
        loader: ({ params, url }: LoaderArgs) => `Item ${params['id']} on ${url.searchParams.get('tab')}`,
        Component: Titled,
      },
    },
    {
      path: '/missing',
      module: {
        loader: () => {
          throw new RouteStatus(404, 'Not Found');
        },
        Component: Titled,
      },
    },
    {
      path: '/broken',
      module: {
        Component: () => {
          throw new Error('render blew up');
        },
      },
    },
    ...extra,
  ];
  render(
    <MemoryRouter>
      <AppRoutes routes={routes} layout={Layout} errorView={ErrorView} />
    </MemoryRouter>,
  );
  return { slow, signals };
}

describe('AppRoutes', () => {
  it('keeps the current page, marked busy, until the next page has its data', async () => {
    const { slow } = setup();
    await screen.findByRole('heading', { name: 'Home page' });
    await userEvent.click(screen.getByRole('link', { name: 'Slow' }));
    expect(screen.getByRole('heading', { name: 'Home page' })).toBeTruthy();
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('true');
    await act(async () => slow.resolve('Slow page'));
    expect(await screen.findByRole('heading', { name: 'Slow page' })).toBeTruthy();
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('false');
  });

  it('lets a newer navigation win and aborts the older one', async () => {
    const { slow, signals } = setup();
    await screen.findByRole('heading', { name: 'Home page' });
    await userEvent.click(screen.getByRole('link', { name: 'Slow' }));
    await waitFor(() => expect(signals.length).toBeGreaterThan(0));
    await userEvent.click(screen.getByRole('link', { name: 'Item' }));
    await screen.findByRole('heading', { name: 'Item 42 on notes' });
    expect(signals.every((s) => s.aborted)).toBe(true);
    await act(async () => slow.resolve('Slow page'));
    expect(screen.queryByRole('heading', { name: 'Slow page' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Item 42 on notes' })).toBeTruthy();
  });

  it('shows the error view for a loader error and for a render error, inside the layout, until the next page', async () => {
    setup();
    await screen.findByRole('heading', { name: 'Home page' });
    await userEvent.click(screen.getByRole('link', { name: 'Missing' }));
    expect(await screen.findByRole('heading', { name: 'Status 404' })).toBeTruthy();
    // React reports the caught render error (console and, in development, a window error event); the view
    // below is the assertion.
    const quiet = console.error;
    const silence = (event: ErrorEvent) => event.preventDefault();
    console.error = () => undefined;
    window.addEventListener('error', silence);
    try {
      await userEvent.click(screen.getByRole('link', { name: 'Broken' }));
      expect(await screen.findByRole('heading', { name: 'Failed: Error: render blew up' })).toBeTruthy();
    } finally {
      console.error = quiet;
      window.removeEventListener('error', silence);
    }
    expect(screen.getByRole('navigation')).toBeTruthy();
    await userEvent.click(screen.getByRole('link', { name: 'Home' }));
    expect(await screen.findByRole('heading', { name: 'Home page' })).toBeTruthy();
  });

  it('gives loaders percent-encoded path words decoded', async () => {
    setup();
    await screen.findByRole('heading', { name: 'Home page' });
    await userEvent.click(screen.getByRole('link', { name: 'Encoded' }));
    expect(await screen.findByRole('heading', { name: 'Item نهر on م' })).toBeTruthy();
  });

  it('loads nothing again when only the #fragment changes', async () => {
    let loads = 0;
    setup([
      {
        path: '/counted',
        module: {
          loader: () => {
            loads += 1;
            return 'Counted page';
          },
          Component: Titled,
        },
      },
    ]);
    await screen.findByRole('heading', { name: 'Home page' });
    await userEvent.click(screen.getByRole('link', { name: 'Counted' }));
    await screen.findByRole('heading', { name: 'Counted page' });
    await userEvent.click(screen.getByRole('link', { name: 'Counted, second part' }));
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('false');
    expect(screen.getByRole('heading', { name: 'Counted page' })).toBeTruthy();
    expect(loads).toBe(1);
    // The same address without a fragment again: a navigation, so the data is loaded again.
    await userEvent.click(screen.getByRole('link', { name: 'Counted' }));
    await waitFor(() => expect(loads).toBe(2));
  });

  it('fetches a lazy route on first use', async () => {
    let imported = 0;
    setup([
      {
        path: '/later',
        lazy: async () => {
          imported += 1;
          return { loader: () => 'Lazy page', Component: Titled };
        },
      },
    ]);
    await screen.findByRole('heading', { name: 'Home page' });
    expect(imported).toBe(0);
    await userEvent.click(screen.getByRole('link', { name: 'Later' }));
    expect(await screen.findByRole('heading', { name: 'Lazy page' })).toBeTruthy();
    expect(imported).toBe(1);
  });
});
