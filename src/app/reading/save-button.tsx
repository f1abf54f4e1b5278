/** "Save" on an article: a toggle that adds it to (or takes it off) this device's Saved list. */
import type { Article } from '../../shared/article-schema.ts';
import { isSaved, save, unsave, useSavedArticles } from './reading-history.ts';

export function SaveButton({ article }: { article: Pick<Article, 'id' | 'headline' | 'outlet' | 'standfirst'> }) {
  const saved = isSaved(useSavedArticles(), article.id);
  return (
    <button
      type="button"
      className="pill-button"
      aria-pressed={saved}
      onClick={() =>
        saved
          ? unsave(article.id)
          : save({ id: article.id, headline: article.headline, outlet: article.outlet, standfirst: article.standfirst })
      }
    >
      {saved ? 'Saved' : 'Save'}
    </button>
  );
}
