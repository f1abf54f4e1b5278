/**
 * Navigation with data, on react-router's declarative router (its data router costs 17 KB gzip more):
 * a new address keeps the current page on screen, marked busy, until the next page's loader has
 * answered; a newer navigation cancels an older one; a loader's error or a render error shows the error
 * view inside the layout, never a blank page.
 */
import { Component, createContext, useContext, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { loadRoute, type AppRoute, type LoadedRoute } from './route-loading.ts';

const RouteData = createContext<unknown>(undefined);
const RouteError = createContext<unknown>(undefined);
const NavigationPending = createContext(false);

/** The current route's loader result; `L` is that loader (the route table pairs each component with its own). */
export function useRouteData<L extends (...args: never[]) => unknown>(): Awaited<ReturnType<L>> {
  // A cast, as in react-router's useLoaderData: the value came from the loader named by L.
  return useContext(RouteData) as Awaited<ReturnType<L>>;
}

/** What the current route threw, for the error view. */
export function useRouteError(): unknown {
  return useContext(RouteError);
}

/** True while the next page's data is loading. */
export function useNavigationPending(): boolean {
  return useContext(NavigationPending);
}

interface BoundaryProps {
  resetKey: string;
  fallback: ComponentType;
  children: ReactNode;
}

/** Catches an error thrown while rendering a route; the next navigation clears it. */
class RenderErrorBoundary extends Component<BoundaryProps, { error: { value: unknown } | null }> {
  override state: { error: { value: unknown } | null } = { error: null };

  static getDerivedStateFromError(value: unknown) {
    return { error: { value } };
  }

  override componentDidUpdate(previous: BoundaryProps) {
    if (previous.resetKey !== this.props.resetKey && this.state.error !== null) this.setState({ error: null });
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    const Fallback = this.props.fallback;
    return (
      <RouteError.Provider value={this.state.error.value}>
        <Fallback />
      </RouteError.Provider>
    );
  }
}

interface Shown {
  /** The history entry the page was loaded for (react-router's location key), and its path and query. */
  key: string;
  address: string;
  loaded: LoadedRoute;
}

export interface AppRoutesProps {
  routes: readonly AppRoute[];
  layout: ComponentType<{ children: ReactNode }>;
  errorView: ComponentType;
  /** The first address's page, loaded before the app took over. */
  initial?: LoadedRoute | undefined;
}

export function AppRoutes({ routes, layout: Layout, errorView: ErrorView, initial }: AppRoutesProps) {
  const location = useLocation();
  const address = `${location.pathname}${location.search}`;
  const [shown, setShown] = useState<Shown | null>(() =>
    initial === undefined ? null : { key: location.key, address, loaded: initial },
  );
  // Going to a #fragment of the page shown loads nothing (as react-router's data router does); any other
  // navigation, even to the same address (a retry after an error), loads the page's data again.
  const fragmentOnly = shown !== null && shown.address === address && location.hash !== '';
  const pending = shown === null || (shown.key !== location.key && !fragmentOnly);

  useEffect(() => {
    if (!pending) return;
    const controller = new AbortController();
    const url = new URL(`${location.pathname}${location.search}${location.hash}`, window.location.origin);
    void loadRoute(routes, url, controller.signal).then((loaded) => {
      if (!controller.signal.aborted) setShown({ key: location.key, address, loaded });
    });
    return () => controller.abort();
  }, [pending, address, location, routes]);

  let page: ReactNode = null;
  if (shown?.loaded.ok === true) {
    const { Component: Page, data } = shown.loaded;
    page = (
      <RouteData.Provider value={data}>
        <Page />
      </RouteData.Provider>
    );
  } else if (shown?.loaded.ok === false) {
    page = (
      <RouteError.Provider value={shown.loaded.error}>
        <ErrorView />
      </RouteError.Provider>
    );
  }
  return (
    <NavigationPending.Provider value={pending}>
      <Layout>
        <RenderErrorBoundary resetKey={shown?.key ?? ''} fallback={ErrorView}>
          {page}
        </RenderErrorBoundary>
      </Layout>
    </NavigationPending.Provider>
  );
}
