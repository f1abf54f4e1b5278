/** The route table and the app it makes: each route owns its data (loader and component together). */
import { NotFoundView, RouteErrorView } from './components/error-view.tsx';
import { ArticleRoute, articleLoader } from './routes/article-route.tsx';
import { RootLayout } from './routes/root-layout.tsx';
import { SavedRoute } from './routes/saved-route.tsx';
import { StoryListRoute, storyListLoader } from './routes/story-list-route.tsx';
import { AppRoutes } from './routing/app-routes.tsx';
import type { AppRoute, LoadedRoute } from './routing/route-loading.ts';

export const routes: readonly AppRoute[] = [
  { path: '/', module: { loader: storyListLoader, Component: StoryListRoute } },
  { path: '/article/:id', module: { loader: articleLoader, Component: ArticleRoute } },
  // Compare coverage brings jsdiff; few readers open it, so it is fetched when they do.
  { path: '/compare', lazy: () => import('./routes/compare-route.tsx') },
  { path: '/saved', module: { Component: SavedRoute } },
  // Every copy of a story covered by more outlets than its row lists.
  { path: '/story', lazy: () => import('./routes/story-route.tsx') },
  // Search and its engine are a separate chunk, fetched on the first search.
  { path: '/search', lazy: () => import('./routes/search-route.tsx') },
  { path: '*', module: { Component: NotFoundView } },
];

/** The whole app inside a router (BrowserRouter in the page, MemoryRouter in tests). */
export function App({ initial }: { initial?: LoadedRoute }) {
  return <AppRoutes routes={routes} layout={RootLayout} errorView={RouteErrorView} initial={initial} />;
}
