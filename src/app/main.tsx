import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { registerServiceWorker } from './offline/worker-client.ts';
import { applyPreferences, preferencesStore } from './reader-settings/reader-preferences.ts';
import { routes } from './router.tsx';
import './styles.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

const router = createBrowserRouter(routes);

// public/reader-preferences.js applied the settings before the first paint; this keeps them in step
// when another tab changes them.
applyPreferences(preferencesStore.get());
preferencesStore.subscribe(() => applyPreferences(preferencesStore.get()));

/**
 * Share pages arrive with the article already in the root element. Rendering before the first route's
 * data has loaded would blank it, so the app takes over only once the router has its data.
 */
function whenRouterReady(): Promise<void> {
  if (router.state.initialized) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return;
      unsubscribe();
      resolve();
    });
  });
}

void whenRouterReady().then(() => {
  createRoot(container).render(
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>,
  );
});

registerServiceWorker();
