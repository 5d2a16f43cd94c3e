import type { Command } from 'commander';
import { AppError } from '@vigie/core';
import { withLocalVigie } from '../cli-context';
import { cliActor } from '../local-admin';
import { io } from '../io';

/**
 * `vigie secrets rotate`: a new key for the secrets sealed at rest (connector tokens, intake
 * secrets), every one re-sealed; the old key is kept for reading. Run it with Vigie stopped (or
 * restart Vigie right after). With VIGIE_SECRET_KEY set, it prints the values to set, and
 * re-seals once given the new key with `--new-key`.
 */
export function registerSecretsRotate(secrets: Command): void {
  secrets
    .command('rotate')
    .description('new encryption key for stored secrets, every secret re-sealed / nouvelle clé de chiffrement des secrets, chacun re-scellé')
    .option('-d, --data <dir>', 'data folder (VIGIE_DATA_DIR, default ./vigie-data)')
    .option('--new-key <hex>', 'the key to rotate to, 64 hex characters (with VIGIE_SECRET_KEY) / la nouvelle clé')
    .action(async (options: { data?: string; newKey?: string }) => {
      if (options.newKey !== undefined && !/^[0-9a-fA-F]{64}$/.test(options.newKey.trim())) {
        throw new AppError('validation_failed', '--new-key: 64 hexadecimal characters, e.g. from `openssl rand -hex 32` / 64 caractères hexadécimaux', [{ field: 'new-key', message: 'expected 64 hexadecimal characters' }]);
      }
      const newKey = options.newKey === undefined ? undefined : Buffer.from(options.newKey.trim(), 'hex');
      const { rotateSecretKey } = await import('@vigie/server');
      await withLocalVigie({ dataDir: options.data }, async (vigie) => {
        const report = await rotateSecretKey(vigie, { newKey, actor: cliActor('secrets rotate') });
        const counts = Object.entries(report.counts).map(([holder, c]) => `${holder} ${c.resealed}`).join(', ');
        const unreadable = Object.entries(report.counts).filter(([, c]) => c.unreadable > 0);
        if (report.mode === 'environment' && !report.resealed && report.environment) {
          io().stderr.write(
            [
              'VIGIE_SECRET_KEY is set: Vigie cannot change its environment. / VIGIE_SECRET_KEY est défini : Vigie ne peut pas changer son environnement.',
              '1. Stop Vigie, then re-seal with the new key / Arrêtez Vigie, puis re-scellez avec la nouvelle clé:',
              `   vigie secrets rotate --new-key ${report.environment.VIGIE_SECRET_KEY}`,
              '2. Set these values for every Vigie process, then start it / Définissez ces valeurs pour chaque processus Vigie, puis démarrez-le:',
              '',
            ].join('\n'),
          );
          io().stdout.write(`VIGIE_SECRET_KEY=${report.environment.VIGIE_SECRET_KEY}\nVIGIE_PREVIOUS_SECRET_KEYS=${report.environment.VIGIE_PREVIOUS_SECRET_KEYS}\n`);
          return;
        }
        io().stdout.write(`secrets re-sealed with the new key / secrets re-scellés avec la nouvelle clé: ${counts}\n`);
        if (report.mode === 'key-file') {
          io().stdout.write(`new key in / nouvelle clé dans ${report.keyFile}; old keys kept in / anciennes clés gardées dans ${report.previousKeysFile}\n`);
        } else if (report.environment) {
          io().stdout.write(`now set / définissez maintenant:\nVIGIE_SECRET_KEY=${report.environment.VIGIE_SECRET_KEY}\nVIGIE_PREVIOUS_SECRET_KEYS=${report.environment.VIGIE_PREVIOUS_SECRET_KEYS}\n`);
        }
        io().stdout.write('restart Vigie to use it / redémarrez Vigie pour l’utiliser\n');
        for (const [holder, c] of unreadable) io().stderr.write(`vigie: ${c.unreadable} ${holder} secret(s) open with no configured key: left as they were / ${c.unreadable} secret(s) illisible(s) avec les clés configurées : laissés tels quels\n`);
      });
    });
}
