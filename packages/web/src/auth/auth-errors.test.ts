import { ClientError } from '@vigie/client';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { authErrorMessage, newPasswordProblem } from './auth-errors';

let t: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ resources: { fr: { translation: fr }, en: { translation: en } }, lng: 'fr', interpolation: { escapeValue: false } });
  t = instance.t;
});

describe('authErrorMessage', () => {
  it('says how many whole minutes a locked sign-in must wait, at least one', () => {
    expect(authErrorMessage(new ClientError(429, 'rate_limited', 'x', [], 540), t)).toBe('Trop de tentatives : réessayez dans 9 min.');
    expect(authErrorMessage(new ClientError(429, 'rate_limited', 'x', [], 61), t)).toBe('Trop de tentatives : réessayez dans 2 min.');
    expect(authErrorMessage(new ClientError(429, 'rate_limited', 'x', [], 5), t)).toBe('Trop de tentatives : réessayez dans 1 min.');
    expect(authErrorMessage(new ClientError(429, 'rate_limited', 'x'), t)).toBe('Trop de tentatives : réessayez plus tard.');
  });

  it('gives one message for a wrong e-mail or password, one for a dead link, and leaves the rest to ErrorNote', () => {
    expect(authErrorMessage(new ClientError(401, 'unauthenticated', 'wrong e-mail or password'), t)).toBe('Adresse e-mail ou mot de passe incorrect.');
    expect(authErrorMessage(new ClientError(404, 'not_found', 'bad link'), t)).toMatch(/^Ce lien est invalide/);
    expect(authErrorMessage(new ClientError(400, 'validation_failed', 'password too weak'), t)).toBeUndefined();
    expect(authErrorMessage(new Error('boom'), t)).toBeUndefined();
  });
});

describe('newPasswordProblem', () => {
  it('asks for 12 characters first, then for both fields to match', () => {
    expect(newPasswordProblem('court', 'court', t)).toBe('Le mot de passe doit compter au moins 12 caractères.');
    expect(newPasswordProblem('assez-long-cette-fois', 'assez-long-cette-foi', t)).toBe('Les deux mots de passe diffèrent.');
    expect(newPasswordProblem('assez-long-cette-fois', 'assez-long-cette-fois', t)).toBeUndefined();
  });
});
