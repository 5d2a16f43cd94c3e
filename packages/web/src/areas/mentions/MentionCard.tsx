import type { MentionView, Topic } from '@vigie/client';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelativeTime } from '../../format/relative-time';
import { excerpt } from '../../format/split-ranges';
import { safeHref } from '../../format/safe-url';
import { ColorDot } from '../../ui/ColorDot';
import { SentimentBadge } from '../../ui/SentimentBadge';

const MAX_TEXT = 320;

/**
 * One mention. Content from the network is untrusted: title and text are rendered as React text
 * nodes (escaped), never as HTML; the link out opens a new tab without giving it our window.
 */
interface Props {
  mention: MentionView;
  /** Just arrived live: highlighted for a moment. */
  fresh?: boolean;
  /** Topics by id, to name the topics the mention matched. */
  topics?: ReadonlyMap<string, Topic>;
  /** The clock relative dates are computed against (ticks so "2 minutes ago" stays true). */
  now?: Date;
}

export function MentionCard({ mention, fresh, topics, now }: Props) {
  const { t, i18n } = useTranslation();
  const lang = mention.analysis.lang?.value ?? mention.lang;
  const langName = lang && lang !== 'unknown' ? new Intl.DisplayNames([i18n.language], { type: 'language' }).of(lang) : undefined;
  const author = mention.author.name ?? mention.author.handle;
  const href = safeHref(mention.url);
  return (
    <article className={fresh ? 'card mention fresh' : 'card mention'} data-testid="mention">
      <header className="mention-meta">
        <span className="mention-author">{author}</span>
        {mention.author.name !== undefined && mention.author.handle !== mention.author.name && (
          <span className="muted">{mention.author.handle}</span>
        )}
        <span className={`badge connector connector-${mention.connector}`}>
          {t(`connector.${mention.connector}`, { defaultValue: mention.connector })}
        </span>
        <time dateTime={mention.publishedAt} title={formatDateTime(mention.publishedAt, i18n.language)} className="muted">
          {formatRelativeTime(mention.publishedAt, i18n.language, now)}
        </time>
      </header>
      {mention.title && !mention.text.startsWith(mention.title) && <h3 className="mention-title">{mention.title}</h3>}
      <p className="mention-text">{excerpt(mention.text, MAX_TEXT).text}</p>
      <footer className="mention-footer">
        <SentimentBadge label={mention.analysis.sentiment?.label} />
        {mention.topicIds.map((id) => {
          const topic = topics?.get(id);
          return topic ? (
            <span key={id} className="badge topic-chip">
              <ColorDot color={topic.color} />
              {topic.name}
            </span>
          ) : null;
        })}
        {langName && <span className="badge lang">{langName}</span>}
        {href && (
          <a className="link-out" href={href} target="_blank" rel="noopener noreferrer nofollow">
            {t('mentions.open')}
            <span className="visually-hidden"> ({t('mentions.newTab')})</span>
          </a>
        )}
      </footer>
    </article>
  );
}
