/** The lines the build left out of the article, shown on request so a reader can see nothing was hidden. */
import type { RemovedLine } from '../../shared/article-schema.ts';

export function RemovedLines({ removed }: { removed: readonly RemovedLine[] }) {
  if (removed.length === 0) return null;
  return (
    <details className="removed-lines">
      <summary>
        {/* Interface words stay English and left to right inside a right-to-left article. */}
        <span lang="en" dir="ltr">
          Show removed text ({removed.length} line{removed.length === 1 ? '' : 's'})
        </span>
      </summary>
      <ol>
        {removed.map((r) => (
          <li key={r.line}>
            <span className="removed-text">{r.text}</span>{' '}
            <span className="removed-reason" lang="en" dir="ltr">
              line {r.line}: {r.reason}
            </span>
          </li>
        ))}
      </ol>
    </details>
  );
}
