/** One story in the list: headline linking to its fullest copy, standfirst, and every outlet's copy. */
import { Link } from 'react-router';
import { articlePath } from '../../shared/site-paths.ts';
import type { StorySummary } from '../../shared/article-schema.ts';
import { formatDate } from '../../shared/format-date.ts';
import { outletLabel } from '../../shared/outlet-label.ts';

export function leadArticleId(story: StorySummary): string {
  // Members are ordered newest first, then fullest; the story headline comes from the fullest copy.
  return (story.members.find((m) => m.headline === story.headline) ?? story.members[0])?.id ?? story.id;
}

export function StoryRow({ story, savedOffline = false }: { story: StorySummary; savedOffline?: boolean }) {
  return (
    <article className="story-row">
      <h2>
        <Link to={articlePath(leadArticleId(story))}>{story.headline}</Link>
      </h2>
      {story.standfirst === null ? null : <p className="standfirst">{story.standfirst}</p>}
      <p className="meta">
        {story.latest === null ? null : <time dateTime={story.latest}>{formatDate(story.latest)}</time>}
        <span>{story.readingMinutes} min read</span>
        <span>
          {story.members.length} {story.members.length === 1 ? 'copy' : 'copies'}
        </span>
        {savedOffline ? <span className="saved-offline">Saved offline</span> : null}
      </p>
      <ul className="outlets" aria-label="Copies of this story">
        {story.members.map((m) => (
          <li key={m.id}>
            <Link to={articlePath(m.id)} title={m.headline}>
              {outletLabel(m)}
            </Link>
          </li>
        ))}
      </ul>
    </article>
  );
}
