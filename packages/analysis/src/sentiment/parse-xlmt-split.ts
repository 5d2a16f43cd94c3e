/**
 * Reader for the XLM-T tweet sentiment files (`xlmt-{fr,en}-{train,val}.tsv`): `label<TAB>text`,
 * where the English files keep some characters as `\uXXXX` escapes and some texts are wrapped in
 * CSV quotes with doubled inner quotes. Both are undone here so the model sees the tweet as posted.
 */
import { parseLabelledTsv, type LabelledExample } from '../evaluate';
import { SENTIMENT_LABELS } from './sentiment-labels';

/** @example decodeXlmtText('"It\\u2019s ""great"""'); // 'It’s "great"' */
export function decodeXlmtText(text: string): string {
  let decoded = text.trim().replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  if (decoded.length >= 2 && decoded.startsWith('"') && decoded.endsWith('"')) decoded = decoded.slice(1, -1);
  return decoded.replace(/\\?"{2,}/g, '"');
}

/**
 * @example
 * parseXlmtSplit(readFileSync('xlmt-fr-val.tsv', 'utf8')).length; // 324
 */
export function parseXlmtSplit(content: string): LabelledExample[] {
  return parseLabelledTsv(content, SENTIMENT_LABELS).map((example) => ({ ...example, text: decodeXlmtText(example.text) }));
}
