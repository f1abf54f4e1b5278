/**
 * `/saved/`: the articles this reader saved on this device, newest first. Everything shown comes from
 * local storage, so the list itself needs no network.
 */
import { useEffect } from 'react';
import { Link } from 'react-router';
import { articlePath } from '../../shared/site-paths.ts';
import { RelativeTime } from '../components/relative-time.tsx';
import { unsave, useSavedArticles } from '../reading/reading-history.ts';

export function SavedRoute() {
  const saved = useSavedArticles();
  useEffect(() => {
    document.title = 'Saved — Broadsheet';
    document.getElementById('saved-title')?.focus();
  }, []);
  return (
    <section className="story-list" aria-labelledby="saved-title">
      <h1 id="saved-title" className="page-title" tabIndex={-1}>
        Saved
      </h1>
      {saved.length === 0 ? (
        <p className="list-summary">
          Nothing saved yet. Press “Save” on an article to keep it here; the list stays on this device.
        </p>
      ) : (
        <p className="list-summary">
          {saved.length} saved {saved.length === 1 ? 'article' : 'articles'}, on this device only
        </p>
      )}
      {saved.map((s) => (
        <article key={s.id} className="story-row">
          <h2>
            <Link to={articlePath(s.id)}>{s.headline}</Link>
          </h2>
          {s.standfirst === null ? null : <p className="standfirst">{s.standfirst}</p>}
          <p className="meta">
            {s.outlet === null ? null : <span>{s.outlet}</span>}
            <span>
              Saved <RelativeTime iso={s.savedAt} />
            </span>
            <button type="button" className="link-button" onClick={() => unsave(s.id)}>
              Remove<span className="visually-hidden">: {s.headline}</span>
            </button>
          </p>
        </article>
      ))}
    </section>
  );
}
