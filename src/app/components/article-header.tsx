import type { Article } from '../../shared/article-schema.ts';
import { formatDate } from '../../shared/format-date.ts';
import { readingTimeLabel } from '../../shared/reading-time.ts';

export function ArticleHeader({ article }: { article: Article }) {
  const reading = readingTimeLabel(article.readingMinutes);
  return (
    <header className="article-header">
      {article.outlet === null ? null : <p className="kicker">{article.outlet}</p>}
      <h1 tabIndex={-1} id="article-headline">
        {article.headline}
      </h1>
      {article.standfirst === null ? null : <p className="standfirst">{article.standfirst}</p>}
      <p className="meta">
        {article.byline === null ? null : <span className="byline">By {article.byline}</span>}
        {article.published === null ? null : (
          <time dateTime={article.published}>{formatDate(article.published, article.language)}</time>
        )}
        {/* The reader's words, not the article's: English and left to right even inside an Arabic article. */}
        {reading === null ? null : (
          <span className="reading-time" lang="en" dir="ltr">
            {reading}
          </span>
        )}
      </p>
    </header>
  );
}
