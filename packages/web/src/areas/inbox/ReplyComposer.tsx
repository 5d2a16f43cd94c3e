import type { ConversationDetail, GuardVerdictView, ReplyView, SavedReplyView } from '@vigie/client';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api-client';
import { ErrorNote } from '../../ui/ErrorNote';
import { useAction } from '../../ui/use-action';
import { useDebounced } from '../../ui/use-debounced';
import { fillTemplate } from './fill-template';

/**
 * The reply composer: the guard's verdict and suggestions update as you type; saved replies fill
 * in `{author}`; sending goes through the guard again on the server (held drafts wait there).
 */
export function ReplyComposer({ conversation, savedReplies, onSent, focusSignal }: { conversation: ConversationDetail; savedReplies: SavedReplyView[]; onSent: (reply: ReplyView) => void; focusSignal: number }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [verdict, setVerdict] = useState<GuardVerdictView>();
  const [result, setResult] = useState<ReplyView>();
  const { busy: sending, error, setError, run } = useAction();
  const box = useRef<HTMLTextAreaElement>(null);
  const draft = useDebounced(text, 400);
  const lang = i18n.language.startsWith('fr') ? 'fr' : 'en';
  const replyTo = conversation.mentions.at(-1)?.text;
  // One key per draft text: pressing "send" twice, or a network retry, never posts twice.
  const key = useRef(`${conversation.id}-${Date.now().toString(36)}`);

  useEffect(() => {
    if (focusSignal > 0) box.current?.focus();
  }, [focusSignal]);

  useEffect(() => {
    if (draft.trim() === '') return setVerdict(undefined);
    let current = true;
    api.inbox.guard({ text: draft, ...(replyTo && { replyTo }), ...(['x', 'bluesky', 'mastodon', 'linkedin', 'facebook', 'instagram'].includes(conversation.connector) && { network: conversation.connector }) }).then(
      (v) => current && setVerdict(v),
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [draft, replyTo, conversation.connector]);

  const send = (): Promise<boolean> =>
    run(async () => {
      const reply = await api.inbox.reply(conversation.id, { text, idempotencyKey: key.current, lang });
      setResult(reply);
      // A failed send keeps the text and the key: sending again is a retry of the same draft.
      if (reply.status !== 'failed') {
        key.current = `${conversation.id}-${Date.now().toString(36)}`;
        setText('');
      }
      onSent(reply);
    });

  return (
    <div className="inbox-composer stack">
      <label className="field">
        <span>{t('inbox.composer.label')}</span>
        <textarea ref={box} value={text} rows={4} onChange={(e) => setText(e.target.value)} aria-describedby="guard-verdict" />
      </label>
      <div className="form-actions">
        <select aria-label={t('inbox.composer.saved')} value="" onChange={(e) => {
          const saved = savedReplies.find((s) => s.id === e.target.value);
          if (saved) setText(fillTemplate(saved.text, { author: conversation.lastAuthor }));
        }}>
          <option value="">{t('inbox.composer.saved')}</option>
          {savedReplies.map((s) => <option key={s.id} value={s.id}>{s.name} ({s.lang})</option>)}
        </select>
        <button type="button" className="button" disabled={sending || text.trim() === ''} onClick={() => void send()}>{t('inbox.composer.send')}</button>
      </div>
      <div id="guard-verdict" aria-live="polite" className="inbox-guard">
        {verdict && (
          <>
            <span className={`badge verdict-${verdict.verdict}`}>{t(`inbox.verdict.${verdict.verdict}`)}</span>
            <ul>{verdict.reasons.map((r, i) => <li key={`r${i}`}>{r.message}</li>)}</ul>
            {verdict.suggestions.length > 0 && <ul className="muted">{verdict.suggestions.map((s, i) => <li key={`s${i}`}>{s.message}</li>)}</ul>}
          </>
        )}
      </div>
      {sending && <p role="status" className="muted">{t('inbox.replyStatus.sending')}</p>}
      {result && !sending && (
        <p role="status" className={result.status === 'failed' ? 'inbox-error' : 'muted'}>
          {result.status === 'sent' && result.network ? t('inbox.sentOn', { network: result.network }) : t(`inbox.replyStatus.${result.status}`)}
          {result.sentUrl && <> — <a className="link-out" href={result.sentUrl} target="_blank" rel="noreferrer noopener">{t('inbox.seeIt')}</a></>}
          {result.openUrl && result.status !== 'sent' && <> — <a className="link-out" href={result.openUrl} target="_blank" rel="noreferrer noopener">{t(result.status === 'unknown' ? 'inbox.checkOnNetwork' : 'inbox.composer.open')}</a></>}
          {result.status !== 'sent' && (result.openReason ?? result.error?.message) && <> — {result.openReason ?? result.error?.message}</>}
          {result.status === 'failed' && <> <button type="button" className="button" disabled={sending} onClick={() => void send()}>{t('inbox.retry')}</button></>}
        </p>
      )}
      <ErrorNote error={error} />
    </div>
  );
}
