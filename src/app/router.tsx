/** The route table. Each route owns its data: loader, component and error view together. */
import type { RouteObject } from 'react-router';
import { NotFoundView, RouteErrorView } from './components/error-view.tsx';
import { ArticleRoute, articleLoader } from './routes/article-route.tsx';
import { RootLayout } from './routes/root-layout.tsx';
import { SavedRoute } from './routes/saved-route.tsx';
import { StoryListRoute, storyListLoader } from './routes/story-list-route.tsx';

export const routes: RouteObject[] = [
  {
    path: '/',
    Component: RootLayout,
    children: [
      {
        ErrorBoundary: RouteErrorView,
        children: [
          { index: true, loader: storyListLoader, Component: StoryListRoute },
          { path: 'article/:id', loader: articleLoader, Component: ArticleRoute },
          // Compare coverage brings jsdiff; few readers open it, so it is fetched when they do.
          { path: 'compare', lazy: () => import('./routes/compare-route.tsx') },
          { path: 'saved', Component: SavedRoute },
          // Every copy of a story covered by more outlets than its row lists.
          { path: 'story', lazy: () => import('./routes/story-route.tsx') },
          // Search and its engine are a separate chunk, fetched on the first search.
          { path: 'search', lazy: () => import('./routes/search-route.tsx') },
          { path: '*', Component: NotFoundView },
        ],
      },
    ],
  },
];
