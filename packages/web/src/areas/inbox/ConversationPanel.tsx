import type { ConversationDetail, ConversationPatchInput, MemberView, SavedReplyView } from '@vigie/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { ErrorNote } from '../../ui/ErrorNote';
import { useAction } from '../../ui/use-action';
import { ReplyComposer } from './ReplyComposer';
import { tomorrowMorning } from './inbox-keys';
import { useCan } from '../../auth/session-context';

/** Where a reply was posted and on which network, from the audit trail's `reply.sent`. */
function sentOf(conversation: ConversationDetail, replyId: string): { url?: string; network?: string } {
  const entry = conversation.audit.find((a) => a.action === 'reply.sent' && a.details.replyId === replyId);
  const url = entry?.details.url;
  const network = entry?.details.network;
  return { ...(typeof url === 'string' && { url }), ...(typeof network === 'string' && { network }) };
}

/** One conversation: the thread, why it is here and what to do, notes, tags, assignment, status, reply. */
/**
 * `me`: the signed-in user's id ("assign to me"); `members`: who can be assigned (owners, managers,
 * agents). Notes, replies and history show the names the server joined.
 */
export function ConversationPanel({ conversation, me, members, savedReplies, onChanged, replySignal }: { conversation: ConversationDetail; me: string | undefined; members: MemberView[]; savedReplies: SavedReplyView[]; onChanged: () => void; replySignal: number }) {
  const { t, i18n } = useTranslation();
  const fr = i18n.language.startsWith('fr');
  const [note, setNote] = useState('');
  const [tag, setTag] = useState('');
  const { error, run: act } = useAction(onChanged);
  const canRespond = useCan('respond');
  const canApprove = useCan('approve');

  const update = (patch: ConversationPatchInput) => act(() => api.inbox.update(conversation.id, patch));
  // An older free-text assignee (before accounts) stays selectable as it was written.
  const assigneeKnown = conversation.assignee === undefined || members.some((m) => m.userId === conversation.assignee);

  return (
    <article className="card inbox-detail stack" aria-label={t('inbox.detail')}>
      <header className="card-title-row">
        <h2>{conversation.lastAuthor}</h2>
        <span className="badge">{t(`inbox.status.${conversation.status}`)}</span>
        <span className="badge">{t('inbox.priority', { value: conversation.priority })}</span>
        {conversation.assignee !== undefined && <span className="badge">{t('inbox.assignedTo', { name: conversation.assigneeName ?? conversation.assignee })}</span>}
      </header>
      {conversation.recommendation && (
        <p className="inbox-advice">
          <strong>{t(`inbox.action.${conversation.recommendation.action}`)}</strong>
          {conversation.recommendation.reasons.length > 0 && <> — {conversation.recommendation.reasons.map((r) => (fr ? r.messageFr : r.message)).join(' · ')}</>}
        </p>
      )}
      <ul className="inbox-reasons">{conversation.reasons.map((r, i) => <li key={i}>{fr ? r.messageFr : r.message}</li>)}</ul>
      <ol className="inbox-thread">
        {conversation.mentions.map((m) => (
          <li key={m.id} className="mention">
            <div className="mention-meta"><span className="mention-author">{m.author.handle}</span> <time dateTime={m.publishedAt}>{new Date(m.publishedAt).toLocaleString(i18n.language)}</time>{m.url && <> · <a className="link-out" href={m.url} target="_blank" rel="noreferrer noopener">{t('inbox.openOnNetwork')}</a></>}</div>
            <p className="mention-text">{m.text}</p>
          </li>
        ))}
        {conversation.replies.map((r) => {
          const sent = sentOf(conversation, r.id);
          return (
            <li key={r.id} className={`mention inbox-our-reply reply-${r.status}`}>
              <div className="mention-meta">
                {r.authorName ?? r.author} · {r.status === 'sent' && sent.network ? t('inbox.sentOn', { network: sent.network }) : t(`inbox.replyStatus.${r.status}`)}
                {r.status === 'sent' && sent.url && <> · <a className="link-out" href={sent.url} target="_blank" rel="noreferrer noopener">{t('inbox.seeIt')}</a></>}
                {(r.status === 'awaiting_confirmation' || r.status === 'unknown') && conversation.url && <> · <a className="link-out" href={conversation.url} target="_blank" rel="noreferrer noopener">{t(r.status === 'unknown' ? 'inbox.checkOnNetwork' : 'inbox.openOnNetwork')}</a></>}
              </div>
              <p className="mention-text">{r.text}</p>
              {r.error && r.status !== 'sent' && <p className={r.status === 'failed' ? 'inbox-error' : 'muted'}>{r.error.message}</p>}
              {r.status === 'held' && canApprove && <button type="button" className="button" onClick={() => void act(() => api.inbox.approve(r.id))}>{t('inbox.approve')}</button>}
              {r.status === 'failed' && canRespond && <button type="button" className="button" onClick={() => void act(() => api.inbox.retry(r.id))}>{t('inbox.retry')}</button>}
              {(r.status === 'awaiting_confirmation' || r.status === 'unknown') && canRespond && <button type="button" className="button" onClick={() => void act(() => api.inbox.confirm(r.id))}>{t('inbox.confirm')}</button>}
            </li>
          );
        })}
      </ol>
      {canRespond && (
      <div className="form-actions">
        <label className="field inbox-assignee">
          <span>{t('inbox.assignee')}</span>
          <select value={conversation.assignee ?? ''} onChange={(e) => void update({ assignee: e.target.value === '' ? null : e.target.value })}>
            <option value="">{t('inbox.unassigned')}</option>
            {!assigneeKnown && <option value={conversation.assignee}>{conversation.assigneeName ?? conversation.assignee}</option>}
            {members.map((m) => <option key={m.userId} value={m.userId}>{m.userId === me ? t('inbox.meName', { name: m.name || m.email }) : m.name || m.email}</option>)}
          </select>
        </label>
        <button type="button" className="button" onClick={() => void update({ assignee: me ?? null })} disabled={!me || conversation.assignee === me}>{t('inbox.assignMe')} (a)</button>
        <button type="button" className="button" onClick={() => void update({ snoozedUntil: tomorrowMorning(new Date()).toISOString() })}>{t('inbox.snooze')} (s)</button>
        <button type="button" className="button" onClick={() => void update({ status: 'closed' })}>{t('inbox.close')} (e)</button>
        <button type="button" className="button" onClick={() => void update({ status: 'ignored' })}>{t('inbox.ignore')}</button>
        {conversation.status !== 'open' && conversation.status !== 'assigned' && <button type="button" className="button" onClick={() => void update({ status: 'open' })}>{t('inbox.reopen')}</button>}
      </div>
      )}
      <div className="form-actions">
        {conversation.tags.map((x) => <span key={x} className="topic-chip">{x} {canRespond && <button type="button" aria-label={t('inbox.removeTag', { tag: x })} onClick={() => void update({ tags: conversation.tags.filter((y) => y !== x) })}>×</button>}</span>)}
        {canRespond && <input aria-label={t('inbox.tag')} placeholder={t('inbox.tag')} value={tag} onChange={(e) => setTag(e.target.value)} onKeyDown={(e) => {
          if (e.key === 'Enter' && tag.trim()) {
            void update({ tags: [...conversation.tags, tag.trim()] });
            setTag('');
          }
        }} />}
      </div>
      {canRespond && <ReplyComposer conversation={conversation} savedReplies={savedReplies} onSent={onChanged} focusSignal={replySignal} />}
      <section className="stack">
        <h3>{t('inbox.notes')}</h3>
        <ul>{conversation.notes.map((n) => <li key={n.id}><strong>{n.authorName ?? n.author}</strong> {n.text}</li>)}</ul>
        {canRespond && <>
        <label className="field"><span>{t('inbox.addNote')}</span><textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} /></label>
        <button type="button" className="button" disabled={note.trim() === ''} onClick={() => void act(async () => { await api.inbox.addNote(conversation.id, note); setNote(''); })}>{t('inbox.saveNote')}</button>
        </>}
      </section>
      <details>
        <summary>{t('inbox.audit')}</summary>
        <ul>{conversation.audit.map((a) => <li key={a.id}><time dateTime={a.at}>{new Date(a.at).toLocaleString(i18n.language)}</time> · {a.actorName ?? a.actor} · {a.action}</li>)}</ul>
      </details>
      <ErrorNote error={error} />
    </article>
  );
}
