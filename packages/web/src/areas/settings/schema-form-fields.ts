/**
 * Reads a connector's JSON Schema (from `GET /api/connectors`) into the fields the add-source form
 * renders, and turns what the user typed back into a config. Kept apart from React so the
 * reading of schemas is tested without a browser.
 */

export type FieldKind = 'text' | 'url' | 'secret' | 'enum' | 'number' | 'boolean' | 'multi-enum' | 'list';

export interface SchemaField {
  name: string;
  kind: FieldKind;
  /** The half of the bilingual "English / Français" description for the interface language. */
  label: string;
  required: boolean;
  options: string[];
  min?: number;
  max?: number;
  defaultValue?: unknown;
}

export interface SchemaForm {
  fields: SchemaField[];
  /** Names of which exactly one must be filled (JSON Schema `oneOf` of `required`), else []. */
  exactlyOne: string[];
}

interface PropertySchema {
  type?: string;
  format?: string;
  description?: string;
  enum?: unknown[];
  items?: PropertySchema;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  writeOnly?: boolean;
  secret?: boolean;
}

/**
 * The half of "English / Français" for a language; a description without the separator is used whole.
 *
 * @example
 * labelFor('Feed URL / URL du flux', 'fr') // 'URL du flux'
 */
export function labelFor(description: string | undefined, language: string, fallback = ''): string {
  if (!description) return fallback;
  const cut = description.lastIndexOf(' / ');
  if (cut < 0) return description;
  return (language.toLowerCase().startsWith('fr') ? description.slice(cut + 3) : description.slice(0, cut)).trim();
}

function kindOf(p: PropertySchema): FieldKind {
  if (p.writeOnly === true || p.secret === true) return 'secret';
  if (p.type === 'array') return p.items?.enum ? 'multi-enum' : 'list';
  if (p.enum) return 'enum';
  if (p.type === 'integer' || p.type === 'number') return 'number';
  if (p.type === 'boolean') return 'boolean';
  return p.format === 'uri' ? 'url' : 'text';
}

/**
 * The fields of a source settings schema, in the schema's order.
 *
 * @example
 * readSchemaForm({ type: 'object', properties: { url: { type: 'string', format: 'uri', description: 'Feed URL / URL du flux' } }, required: ['url'] }, 'en')
 * // { fields: [{ name: 'url', kind: 'url', label: 'Feed URL', required: true, options: [] }], exactlyOne: [] }
 */
export function readSchemaForm(schema: Record<string, unknown>, language: string): SchemaForm {
  const properties = (schema.properties ?? {}) as Record<string, PropertySchema>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const oneOf = Array.isArray(schema.oneOf) ? (schema.oneOf as { required?: string[] }[]) : [];
  const exactlyOne = oneOf.flatMap((o) => o.required ?? []).filter((name) => name in properties);
  const fields = Object.entries(properties).map(([name, p]): SchemaField => {
    const options = (p.type === 'array' ? p.items?.enum : p.enum) ?? [];
    return {
      name,
      kind: kindOf(p),
      label: labelFor(p.description, language, name),
      required: required.has(name),
      options: options.map(String),
      ...(p.minimum !== undefined ? { min: p.minimum } : {}),
      ...(p.maximum !== undefined ? { max: p.maximum } : {}),
      ...(p.default !== undefined ? { defaultValue: p.default } : {}),
    };
  });
  return { fields, exactlyOne };
}

/** What the form holds for a field: text for inputs, booleans for checkboxes, lists for multi-enum. */
export type FieldValue = string | boolean | string[];

/** Starting values: schema defaults shown, secrets always empty (never pre-filled). */
export function initialValues(form: SchemaForm): Record<string, FieldValue> {
  return Object.fromEntries(
    form.fields.map((f) => {
      if (f.kind === 'boolean') return [f.name, f.defaultValue === true];
      if (f.kind === 'multi-enum') return [f.name, Array.isArray(f.defaultValue) ? f.defaultValue.map(String) : []];
      if (f.kind === 'list') return [f.name, Array.isArray(f.defaultValue) ? f.defaultValue.join('\n') : ''];
      if (f.kind === 'secret' || f.defaultValue === undefined) return [f.name, ''];
      return [f.name, String(f.defaultValue)];
    }),
  );
}

/**
 * The config sent to the API: empty fields left out (so the server applies its defaults and
 * reports what is missing), numbers as numbers, one list item per line; of an exactly-one group
 * only the `chosen` field is sent.
 *
 * @example
 * buildConfig(form, { instance: 'https://mastodon.social', hashtag: 'vigie', search: 'old' }, 'hashtag') // { instance: 'https://mastodon.social', hashtag: 'vigie' }
 */
export function buildConfig(form: SchemaForm, values: Record<string, FieldValue>, chosen?: string): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const field of form.fields) {
    if (form.exactlyOne.includes(field.name) && field.name !== chosen) continue;
    const value = values[field.name];
    if (field.kind === 'boolean') {
      if (value === true) config[field.name] = true;
    } else if (field.kind === 'multi-enum') {
      if (Array.isArray(value) && value.length > 0) config[field.name] = value;
    } else if (typeof value === 'string' && value.trim() !== '') {
      if (field.kind === 'number') config[field.name] = Number(value);
      else if (field.kind === 'list') config[field.name] = value.split('\n').map((s) => s.trim()).filter((s) => s !== '');
      else config[field.name] = field.kind === 'secret' ? value : value.trim();
    }
  }
  return config;
}
