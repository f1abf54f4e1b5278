/** `/article/:id`: one article with its story's other copies and related stories beside it. */
import { useEffect, useRef } from 'react';
import { useRouteData } from '../routing/app-routes.tsx';
import type { LoaderArgs } from '../routing/route-loading.ts';
import { notFound } from '../routing/route-status.ts';
import { ArticleBlocks } from '../components/article-blocks.tsx';
import { ArticleHeader } from '../components/article-header.tsx';
import { RemovedLines } from '../components/removed-lines.tsx';
import { StorySidebar } from '../components/story-sidebar.tsx';
import { loadArticleEntry } from '../data/site-data.ts';
import { markRead } from '../reading/reading-history.ts';
import { SaveButton } from '../reading/save-button.tsx';
import { ShareControls } from '../share/share-controls.tsx';

export async function articleLoader({ params, signal }: LoaderArgs) {
  const id = params['id'];
  if (id === undefined || !/^[\p{Ll}\p{Lo}\p{N}-]+$/u.test(id)) throw notFound();
  return loadArticleEntry(id, signal);
}

export function ArticleRoute() {
  const { article, story, related } = useRouteData<typeof articleLoader>();
  const articleRef = useRef<HTMLElement>(null);
  useEffect(() => {
    document.title = `${article.headline} — Broadsheet`;
    document.getElementById('article-headline')?.focus();
    markRead(article.id);
  }, [article.id, article.headline]);
  return (
    <div className="article-layout">
      <article
        ref={articleRef}
        className="article"
        lang={article.language === 'und' ? undefined : article.language}
        dir={article.direction}
      >
        <ArticleHeader article={article} />
        <div className="article-actions">
          <SaveButton article={article} />
          <ShareControls id={article.id} headline={article.headline} articleRef={articleRef} />
        </div>
        <ArticleBlocks blocks={article.blocks} dateline={article.dateline} />
        <RemovedLines removed={article.removed} />
      </article>
      <StorySidebar current={article} story={story} related={related} />
    </div>
  );
}
