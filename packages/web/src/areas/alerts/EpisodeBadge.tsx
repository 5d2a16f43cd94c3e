import type { EpisodeKind, EpisodeStatus } from '@vigie/core';
import { useTranslation } from 'react-i18next';

/** Crisis (red) or buzz (blue), and the episode's status. */
export function EpisodeBadge({ kind, status }: { kind: EpisodeKind; status: EpisodeStatus }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`badge episode-${kind}`}>{t(`alerts.kind.${kind}`)}</span>
      <span className={`badge episode-status-${status}`}>{t(`alerts.status.${status}`)}</span>
    </>
  );
}
