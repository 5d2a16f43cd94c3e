import type { ConversationDetail, ConversationView, InboxViewName, MemberView } from '@vigie/client';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { ErrorNote } from '../../ui/ErrorNote';
import { useLoad } from '../../ui/use-load';
import { ConversationPanel } from './ConversationPanel';
import { InboxSettingsPanel } from './InboxSettingsPanel';
import { inboxKeyAction, moveSelection, tomorrowMorning } from './inbox-keys';
import { useTimeBudget } from './use-time-budget';
import { useCan, useSession } from '../../auth/session-context';
import './inbox.css';

const VIEWS: InboxViewName[] = ['open', 'unanswered', 'overdue', 'mine', 'snoozed', 'closed'];
/** Who can be assigned a conversation: the roles that may respond. */
const ASSIGNABLE = new Set(['owner', 'manager', 'agent']);

/**
 * The inbox: one prioritised queue of conversations that need a human, with the reasons and the
 * advice; a conversation page beside it; keyboard shortcuts (j/k, e close, a assign, r reply,
 * s snooze, f focus); and the focus mode that serves the next most important conversation.
 */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const fr = i18n.language.startsWith('fr');
  const [view, setView] = useState<InboxViewName>('open');
  // The signed-in person works here: "mine", focus, budget, notes and replies are theirs (the server knows the caller).
  const { session } = useSession();
  const me = session.user?.id;
  const [selected, setSelected] = useState<string>();
  const [detail, setDetail] = useState<ConversationDetail>();
  const [error, setError] = useState<unknown>();
  const [replySignal, setReplySignal] = useState(0);
  const canRespond = useCan('respond');
  const canConfigure = useCan('configure');
  const [showSettings, setShowSettings] = useState(false);
  const list = useLoad(() => api.inbox.list({ view, limit: 100 }), `${view}:${session.workspace.id}`);
  const members = useLoad(() => api.members.list(), `members:${session.workspace.id}`);
  const assignable: MemberView[] = (members.data ?? []).filter((m) => ASSIGNABLE.has(m.role));
  const stats = useLoad(() => api.inbox.stats(), `stats:${list.data?.items.length ?? 0}`);
  const savedReplies = useLoad(() => api.savedReplies.list(), 'saved');
  const items: ConversationView[] = list.data?.items ?? [];
  const budget = useTimeBudget(canRespond ? me : undefined);

  const loadDetail = useCallback((id: string | undefined) => {
    if (!id) return setDetail(undefined);
    api.inbox.get(id).then(setDetail, setError);
  }, []);
  useEffect(() => loadDetail(selected), [selected, loadDetail]);

  const refresh = (): void => {
    list.reload();
    loadDetail(selected);
  };
  const focusNext = async (): Promise<void> => {
    try {
      const next = await api.inbox.next();
      setView('open');
      setSelected(next.item?.id);
      if (!next.item) setError(undefined);
    } catch (e) {
      setError(e);
    }
  };
  const patchSelected = async (patch: Parameters<typeof api.inbox.update>[1]): Promise<void> => {
    if (!selected) return;
    try {
      await api.inbox.update(selected, patch);
      refresh();
    } catch (e) {
      setError(e);
    }
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      const action = inboxKeyAction({ key: event.key, targetTag: target?.tagName, editable: target?.isContentEditable, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey });
      if (!action) return;
      // Reading roles keep moving through the queue; the shortcuts that change things are theirs to lack.
      if (!canRespond && action !== 'next' && action !== 'previous' && action !== 'focus') return;
      event.preventDefault();
      const ids = items.map((i) => i.id);
      if (action === 'next') setSelected(moveSelection(ids, selected, 1));
      if (action === 'previous') setSelected(moveSelection(ids, selected, -1));
      if (action === 'close') void patchSelected({ status: 'closed' });
      if (action === 'assign' && me) void patchSelected({ assignee: me });
      if (action === 'snooze') void patchSelected({ snoozedUntil: tomorrowMorning(new Date()).toISOString() });
      if (action === 'reply') setReplySignal((n) => n + 1);
      if (action === 'focus') void focusNext();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('inbox.title')}</h1>
        <button type="button" className="button" onClick={() => void focusNext()}>{t('inbox.focus')} (f)</button>
        <button type="button" className="button" aria-expanded={showSettings} onClick={() => setShowSettings((v) => !v)}>{t('inbox.settings.title')}</button>
      </header>
      {showSettings && <InboxSettingsPanel canConfigure={canConfigure} />}
      {stats.data && (
        <p className="muted">{t('inbox.queue', { count: stats.data.queue.urgent + stats.data.queue.high + stats.data.queue.normal + stats.data.queue.low, minutes: stats.data.queue.clearMinutes })}{stats.data.firstResponse.all.median !== null && <> · {t('inbox.median', { minutes: stats.data.firstResponse.all.median })}</>}</p>
      )}
      {budget && (
        <p className={budget.exhausted ? 'banner' : 'muted'} role="status">
          {budget.exhausted ? t('inbox.budgetExhausted', { budget: budget.budgetMinutes }) : t('inbox.budgetLeft', { remaining: budget.remainingMinutes, budget: budget.budgetMinutes })}
        </p>
      )}
      <div className="tabs" role="tablist">
        {VIEWS.map((v) => <button key={v} type="button" role="tab" aria-selected={view === v} className="tab" onClick={() => { setView(v); setSelected(undefined); }}>{t(`inbox.view.${v}`)}</button>)}
      </div>
      <p className="muted">{t('inbox.shortcuts')}</p>
      <ErrorNote error={list.error ?? error} />
      <div className="inbox-layout">
        <ul className="inbox-list" aria-label={t('inbox.list')}>
          {items.length === 0 && !list.loading && <li className="empty-state">{t('inbox.empty')}</li>}
          {items.map((c) => (
            <li key={c.id}>
              <button type="button" className={`inbox-item${c.id === selected ? ' selected' : ''}`} aria-current={c.id === selected} onClick={() => setSelected(c.id)}>
                <span className="inbox-priority">{c.priority}</span>
                <span className="inbox-item-main">
                  <span className="mention-author">{c.lastAuthor}</span> <span className="muted">{t(`connector.${c.connector}`)}</span>
                  {c.sla && <span className={`badge sla-${c.sla}`}>{t(`inbox.sla.${c.sla}`)}</span>}
                  {c.recommendation && <span className="badge">{t(`inbox.action.${c.recommendation.action}`)}</span>}
                  {c.assignee !== undefined && <span className="badge">{c.assignee === me ? t('inbox.assignedToMe') : t('inbox.assignedTo', { name: c.assigneeName ?? c.assignee })}</span>}
                  <span className="inbox-preview">{c.preview}</span>
                  <span className="muted inbox-why">{c.reasons.map((r) => (fr ? r.messageFr : r.message)).join(' · ')}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
        {detail && <ConversationPanel conversation={detail} me={me} members={assignable} savedReplies={savedReplies.data ?? []} onChanged={refresh} replySignal={replySignal} />}
      </div>
    </section>
  );
}
