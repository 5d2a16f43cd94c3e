/**
 * @vigie/connectors — the connector contract, the registry, kit/ (the only way to reach the
 * network: SSRF-safe HTTP, sanitising, decoding) and the connectors themselves.
 */
export * from './connector';
export * from './connector-error';
export { listConnectors, getConnector } from './registry';
export { createHttpClient, DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT_MS, type HttpClient, type HttpClientOptions, type HttpRequestOptions, type HttpResponse, type HttpStream } from './kit/http-client';
export type { WebSocketConnection, WebSocketOptions } from './kit/open-web-socket';
export { assertPublicUrl } from './kit/assert-public-url';
export type { AddressPolicy, Resolver, ResolvedAddress } from './kit/address-policy';
export { isPrivateAddress } from './kit/is-private-address';
export { sanitizeHtml } from './kit/sanitize-html';
export { plainText, sanitizeMentionInput, webLink } from './kit/sanitize-mention';
export { findExecutableMarkup, isWebLink, XSS_CORPUS, type XssPayload } from './kit/xss-corpus';
export { htmlToText } from './kit/html-to-text';
export { decodeBody, type DecodedBody } from './kit/decode-body';
export { parseRetryAfter } from './kit/parse-retry-after';
export { errorFromStatus } from './kit/error-from-status';
export { parseOpml, type OpmlImport } from './rss';
export { runPoll, type PollOutcomeResult } from './run-poll';
export { readBudgetStatus, planPage, type ReadBudgetStatus } from './x';
