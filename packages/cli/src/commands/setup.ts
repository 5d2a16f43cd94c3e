import type { Command } from 'commander';
import { AppError } from '@vigie/core';
import { readStdin, withLocalVigie } from '../cli-context';
import { cliActor, createPrompt } from '../local-admin';
import { io } from '../io';

interface SetupOptions {
  data?: string;
  email?: string;
  name?: string;
  passwordStdin?: boolean;
  locale: string;
}

/**
 * `vigie setup`: creates the first owner on the local database, instead of the setup link the
 * server prints at first start. Interactive (e-mail, name, password twice, hidden), or for
 * scripts `--email --name --password-stdin`.
 */
export function registerSetup(program: Command): void {
  program
    .command('setup')
    .description('create the owner account on this server / créer le compte propriétaire sur ce serveur')
    .option('-d, --data <dir>', 'data folder (VIGIE_DATA_DIR, default ./vigie-data)')
    .option('--email <email>', 'owner e-mail / e-mail du propriétaire')
    .option('--name <name>', 'owner name / nom du propriétaire')
    .option('--password-stdin', 'read the password from standard input (scripts) / lire le mot de passe sur l’entrée standard')
    .option('--locale <locale>', 'fr or en', 'en')
    .action(async (options: SetupOptions) => {
      if (options.locale !== 'fr' && options.locale !== 'en') throw new AppError('validation_failed', '--locale: fr or en', [{ field: 'locale', message: 'expected fr or en' }]);
      const locale = options.locale;
      const { checkPasswordPolicy, createFirstOwner, normalizeEmail } = await import('@vigie/server');
      await withLocalVigie({ dataDir: options.data }, async (vigie) => {
        const store = vigie.store;
        if ((await store.users.count()) > 0) throw new AppError('conflict', 'the owner account already exists; sign in, or add people from Settings › Team / le compte propriétaire existe déjà ; connectez-vous, ou ajoutez des personnes dans Réglages › Équipe');

        let email = options.email;
        let name = options.name;
        let password: string;
        if (options.passwordStdin) {
          if (!email || !name) throw new AppError('validation_failed', 'with --password-stdin, give --email and --name / avec --password-stdin, indiquez --email et --name', [{ field: email ? 'name' : 'email', message: 'required' }]);
          password = (await readStdin()).replace(/\r?\n$/, '');
          checkPasswordPolicy(password, normalizeEmail(email));
        } else {
          const ask = createPrompt();
          try {
            email ||= await ask.question('E-mail: ');
            name ||= await ask.question('Name / Nom: ');
            for (;;) {
              password = await ask.question('Password (12+ characters) / Mot de passe (12 caractères ou plus): ', { hidden: true });
              try {
                checkPasswordPolicy(password, normalizeEmail(email));
              } catch (error) {
                if (!(error instanceof AppError)) throw error;
                io().stderr.write(`${error.details.map((d) => d.message).join('; ')}\n`);
                continue;
              }
              if ((await ask.question('Again / Encore: ', { hidden: true })) === password) break;
              io().stderr.write('the two passwords differ / les deux mots de passe diffèrent\n');
            }
          } finally {
            ask.close();
          }
        }
        const normalized = normalizeEmail(email);
        if (!/^[^\s@]+@[^\s@]+$/.test(normalized)) throw new AppError('validation_failed', `"${email}" is not an e-mail address / n’est pas une adresse e-mail`, [{ field: 'email', message: 'expected an e-mail address' }]);
        if (!name?.trim()) throw new AppError('validation_failed', 'give a name / indiquez un nom', [{ field: 'name', message: 'required' }]);

        // Owner of every workspace; the setup link printed at first start stops working.
        const { user, workspaces } = await createFirstOwner(store, { email: normalized, name: name.trim(), password, locale });
        for (const workspace of workspaces) {
          await store.audit.append({ workspaceId: workspace.id, at: vigie.now().toISOString(), actor: cliActor('setup'), action: 'setup.owner_created', target: `user:${user.id}`, details: { workspaces: workspaces.length } });
        }
        io().stdout.write(`owner ${user.email} created, owner of ${workspaces.length} workspace(s) / propriétaire créé·e; sign in at the web interface / connectez-vous dans l’interface web\n`);
      });
    });
}
