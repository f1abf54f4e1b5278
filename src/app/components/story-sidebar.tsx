/** Beside an article: the same story's other copies first, then related articles with why they relate. */
import { Link } from 'react-router';
import { articlePath, comparePath, storyFeedPath, storyPath } from '../../shared/site-paths.ts';
import type { ArticleRef, RelatedArticle, StorySummary } from '../../shared/article-schema.ts';
import { outletLabel } from '../../shared/outlet-label.ts';

export function StorySidebar({
  current,
  story,
  related,
}: {
  current: ArticleRef;
  story: StorySummary;
  related: readonly RelatedArticle[];
}) {
  const others = story.members.filter((m) => m.id !== current.id);
  return (
    <aside className="sidebar" aria-label="Other coverage and related stories">
      <section aria-labelledby="other-coverage">
        <h2 id="other-coverage">Other coverage of this story</h2>
        {others.length === 0 ? (
          <p className="empty">No other outlet&apos;s copy yet.</p>
        ) : (
          <ul>
            {others.map((m) => (
              <li key={m.id}>
                <Link to={articlePath(m.id)}>
                  <span className="outlet">{outletLabel(m)}</span>
                  <span className="headline">{m.headline}</span>
                </Link>
                <Link className="compare-link" to={comparePath(current.id, m.id)}>
                  Compare with {outletLabel(m)}
                </Link>
              </li>
            ))}
          </ul>
        )}
        {story.members.length < story.memberCount ? (
          <p className="all-copies">
            <Link to={storyPath(story.id)}>All {story.memberCount} copies of this story</Link>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="related">
        <h2 id="related">Related</h2>
        {related.length === 0 ? (
          <p className="empty">No related stories.</p>
        ) : (
          <ul>
            {related.map((r) => (
              <li key={r.article.id}>
                <Link to={articlePath(r.article.id)}>
                  <span className="headline">{r.article.headline}</span>
                </Link>
                {r.terms.length === 0 ? null : <span className="because">because: {r.terms.join(', ')}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="follow">
        <a href={storyFeedPath(story.id)}>Follow this story (Atom feed)</a>
      </p>
    </aside>
  );
}
