import { useTranslation } from 'react-i18next';
import type { FieldValue, SchemaField } from './schema-form-fields';

/** The id of the message under a field, so `aria-describedby` and tests can find it. */
export const fieldErrorId = (name: string): string => `source-${name}-error`;

interface Props {
  field: SchemaField;
  value: FieldValue;
  error?: string;
  /** Required here means required by the form (a chosen exactly-one field, or `required` in the schema). */
  required: boolean;
  onChange(value: FieldValue): void;
}

/** One setting of a source, drawn from its JSON Schema type, with the API's message under it. */
export function SchemaFieldInput({ field, value, error, required, onChange }: Props) {
  const { t } = useTranslation();
  const invalid = error !== undefined;
  const describedBy = invalid ? fieldErrorId(field.name) : undefined;
  const text = typeof value === 'string' ? value : '';
  const message = invalid && (
    <small id={fieldErrorId(field.name)} className="field-error" role="alert">
      {error}
    </small>
  );

  if (field.kind === 'boolean') {
    return (
      <label className="field checkbox-field">
        <span>
          <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} aria-invalid={invalid} aria-describedby={describedBy} /> {field.label}
        </span>
        {message}
      </label>
    );
  }
  if (field.kind === 'multi-enum') {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset className="field" aria-describedby={describedBy}>
        <legend className="field-label">{field.label}</legend>
        {field.options.map((option) => (
          <label key={option} className="inline-check">
            <input
              type="checkbox"
              checked={chosen.includes(option)}
              onChange={(e) => onChange(e.target.checked ? [...chosen, option] : chosen.filter((o) => o !== option))}
            />{' '}
            {option}
          </label>
        ))}
        {message}
      </fieldset>
    );
  }
  const common = { 'aria-invalid': invalid, 'aria-describedby': describedBy, required };
  return (
    <label className={`field${field.kind === 'url' || field.kind === 'list' ? ' grow' : ''}`}>
      <span>
        {field.label}
        {!required && field.kind !== 'secret' ? ` ${t('sources.optional')}` : ''}
      </span>
      {field.kind === 'enum' ? (
        <select value={text} onChange={(e) => onChange(e.target.value)} {...common}>
          <option value="">{t('sources.choose')}</option>
          {field.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : field.kind === 'list' ? (
        <textarea value={text} rows={3} placeholder={t('sources.onePerLine')} onChange={(e) => onChange(e.target.value)} {...common} />
      ) : (
        <input
          type={field.kind === 'secret' ? 'password' : field.kind === 'url' ? 'url' : field.kind === 'number' ? 'number' : 'text'}
          // A secret is typed, never shown back nor offered by the browser's autofill.
          autoComplete={field.kind === 'secret' ? 'new-password' : 'off'}
          value={text}
          min={field.min}
          max={field.max}
          onChange={(e) => onChange(e.target.value)}
          {...common}
        />
      )}
      {message}
    </label>
  );
}
