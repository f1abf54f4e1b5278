/**
 * `/search/?q=`: stories matching the query, best first, each with its outlets and a snippet with the
 * matched words marked. Loaded lazily with the search engine: nothing of it is in the first page load.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useRouteData } from '../routing/app-routes.tsx';
import type { LoaderArgs } from '../routing/route-loading.ts';
import { formatInterfaceDate } from '../../shared/format-date.ts';
import { articlePath } from '../../shared/site-paths.ts';
import { loadArticleEntry } from '../data/site-data.ts';
import { markTerms } from '../search/mark-terms.ts';
import { matchSnippet } from '../search/match-snippet.ts';
import { MAX_HITS, searchStories, type SearchHit } from '../search/search-engine.ts';

export async function loader({ url }: LoaderArgs) {
  const query = url.searchParams.get('q') ?? '';
  return { query, hits: await searchStories(query) };
}

/** Results this high get their snippet from the article's own text (one fetch each, cached offline). */
const SNIPPETS_FROM_TEXT = 10;

/** The story's lead at first; then, for the top results, the passage where the words matched. */
function Snippet({ hit, rank }: { hit: SearchHit; rank: number }) {
  const [passage, setPassage] = useState<string | null>(null);
  useEffect(() => {
    if (rank >= SNIPPETS_FROM_TEXT) return;
    const controller = new AbortController();
    loadArticleEntry(hit.articleId, controller.signal)
      .then(({ article }) => {
        const paragraphs = article.blocks.flatMap((b) => (b.type === 'highlights' ? b.items : [b.text]));
        setPassage(matchSnippet([article.standfirst ?? '', ...paragraphs], hit.terms));
      })
      .catch(() => {
        // Offline or missing: the lead stays, which is still a fair snippet.
      });
    return () => controller.abort();
  }, [hit.articleId, hit.terms, rank]);
  return (
    <p className="standfirst snippet">
      {markTerms(passage ?? hit.lead, hit.terms).map((run, i) =>
        run.marked ? <mark key={i}>{run.text}</mark> : run.text,
      )}
    </p>
  );
}

function summary(query: string, count: number): string {
  if (query.trim() === '') return 'Type to search every story.';
  if (count === 0) return `No stories match “${query}”.`;
  if (count >= MAX_HITS) return `The best ${MAX_HITS} stories matching “${query}”.`;
  return count === 1 ? `1 story matches “${query}”.` : `${count} stories match “${query}”.`;
}

export function Component() {
  const { query, hits } = useRouteData<typeof loader>();
  useEffect(() => {
    document.title = query === '' ? 'Search — Broadsheet' : `${query} — Search — Broadsheet`;
  }, [query]);
  return (
    <section className="story-list search-results" aria-labelledby="search-title">
      <h1 id="search-title" className="visually-hidden">
        Search
      </h1>
      <p className="list-summary" role="status">
        {summary(query, hits.length)}
      </p>
      {hits.map((hit, rank) => (
        <article key={hit.storyId} className="story-row">
          <h2>
            <Link to={articlePath(hit.articleId)}>{hit.headline}</Link>
          </h2>
          <Snippet hit={hit} rank={rank} />
          <p className="meta">
            <span className="outlets-inline">{hit.outlets.join(' · ')}</span>
            {hit.latest === null ? null : <time dateTime={hit.latest}>{formatInterfaceDate(hit.latest)}</time>}
          </p>
        </article>
      ))}
    </section>
  );
}
