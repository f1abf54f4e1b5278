/** One story in the list: headline linking to its fullest copy, standfirst, time, and every outlet's copy. */
import { useState } from 'react';
import { Link } from 'react-router';
import { articlePath, storyPath } from '../../shared/site-paths.ts';
import type { StorySummary } from '../../shared/article-schema.ts';
import { outletLabel } from '../../shared/outlet-label.ts';
import { collapsedOutlets, leadArticleId, SHOWN_OUTLETS } from '../../shared/story-row-parts.ts';
import { RelativeTime } from './relative-time.tsx';
import { readingTimeLabel } from '../../shared/reading-time.ts';

function OutletChips({ story }: { story: StorySummary }) {
  const [expanded, setExpanded] = useState(false);
  const collapsed = collapsedOutlets(story);
  const { listsAll, hidden } = collapsed;
  const shown = expanded ? story.members : collapsed.shown;
  return (
    <ul className="outlets" aria-label="Copies of this story">
      {shown.map((m, i) => (
        <li key={m.id}>
          <Link
            to={articlePath(m.id)}
            title={m.headline}
            // The "+N" button goes away when pressed: focus moves to the first copy it revealed.
            ref={expanded && i === SHOWN_OUTLETS ? (a) => a?.focus() : undefined}
          >
            {outletLabel(m)}
          </Link>
        </li>
      ))}
      {!listsAll ? (
        <li>
          <Link className="more-outlets" to={storyPath(story.id)} aria-label={`All ${story.memberCount} copies`}>
            +{hidden}
          </Link>
        </li>
      ) : shown.length < story.members.length ? (
        <li>
          <button
            type="button"
            className="more-outlets"
            aria-label={`Show ${hidden} more copies`}
            onClick={() => setExpanded(true)}
          >
            +{hidden}
          </button>
        </li>
      ) : null}
    </ul>
  );
}

export function StoryRow({
  story,
  savedOffline = false,
  read = false,
}: {
  story: StorySummary;
  savedOffline?: boolean;
  read?: boolean;
}) {
  const reading = readingTimeLabel(story.readingMinutes);
  return (
    <article className={read ? 'story-row is-read' : 'story-row'}>
      <h2>
        <Link to={articlePath(leadArticleId(story))}>{story.headline}</Link>
      </h2>
      {story.standfirst === null ? null : <p className="standfirst">{story.standfirst}</p>}
      <p className="meta">
        {story.latest === null ? null : <RelativeTime iso={story.latest} />}
        {reading === null ? null : <span>{reading}</span>}
        {read ? <span className="read-mark">Read</span> : null}
        {savedOffline ? <span className="saved-offline">Saved offline</span> : null}
      </p>
      <OutletChips story={story} />
    </article>
  );
}
