import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { registerServiceWorker } from './offline/worker-client.ts';
import { applyPreferences, preferencesStore } from './reader-settings/reader-preferences.ts';
import { App, routes } from './router.tsx';
import { loadRoute } from './routing/route-loading.ts';
import './styles.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

// public/reader-preferences.js applied the settings before the first paint; this keeps them in step
// when another tab changes them.
applyPreferences(preferencesStore.get());
preferencesStore.subscribe(() => applyPreferences(preferencesStore.get()));

// Share pages and the home page arrive with their content already in the root element. Rendering before
// the first page's data has loaded would blank it, so the app takes over only once it has that data.
// As a transition, React renders in slices that yield to the reader's input instead of one long task.
void loadRoute(routes, new URL(window.location.href), new AbortController().signal).then((initial) => {
  const root = createRoot(container);
  startTransition(() => {
    root.render(
      <StrictMode>
        <BrowserRouter>
          <App initial={initial} />
        </BrowserRouter>
      </StrictMode>,
    );
  });
});

registerServiceWorker();
