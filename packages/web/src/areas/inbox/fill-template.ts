/**
 * Fills `{author}`, `{topic}`… in a saved reply; unknown variables stay visible so a missing value
 * is seen before sending. (Same rule as `fillSavedReply` in @vigie/core, which the web does not import.)
 *
 * @example
 * fillTemplate('Merci {author} !', { author: '@jeanne' }) // → 'Merci @jeanne !'
 */
export function fillTemplate(template: string, values: Record<string, string | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
