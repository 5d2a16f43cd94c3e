import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../ui/ErrorNote';
import { QueryEditor } from './QueryEditor';
import { useQueryCheck } from './use-query-check';

interface Props {
  id: string;
  initial?: string;
  onSave: (text: string) => Promise<void>;
  onCancel: () => void;
}

/** Adds or edits one query: the editor, then save (only once the text parses) or cancel. */
export function QueryDraftForm({ id, initial = '', onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const check = useQueryCheck(text);
  const canSave = !saving && check.text === text && check.validation?.valid === true;
  return (
    <form
      className="query-draft"
      onSubmit={(e) => {
        e.preventDefault();
        if (!canSave) return;
        setSaving(true);
        onSave(text).then(
          () => setSaving(false),
          (err: unknown) => {
            setError(err);
            setSaving(false);
          },
        );
      }}
    >
      <QueryEditor id={id} label={t('topics.query')} value={text} onChange={setText} check={check} />
      <ErrorNote error={error} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={!canSave}>
          {t('common.save')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
