import { describe, expect, it } from 'vitest';
import { invitationMail, passwordResetMail } from './identity-mail';

describe('sign-in e-mails', () => {
  it('speaks the person’s language and carries the link in both bodies', () => {
    const en = passwordResetMail('a@b.example', 'en', 'https://vigie.example.org/#/reset?token=abc');
    expect(en.subject).toBe('Vigie: reset your password');
    expect(en.text).toContain('https://vigie.example.org/#/reset?token=abc');
    expect(en.html).toContain('href="https://vigie.example.org/#/reset?token=abc"');
    const fr = passwordResetMail('a@b.example', 'fr', 'https://x/#/reset?token=abc');
    expect(fr.subject).toContain('mot de passe');
    expect(fr.text).toContain('une heure');
  });

  it('never lets a workspace or inviter name become markup', () => {
    const mail = invitationMail('a@b.example', 'en', '<img src=x onerror=alert(1)>', 'Eve "the" <b>', 'https://x/#/invite?token=t');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).not.toContain('<b>');
    expect(invitationMail('a@b.example', 'fr', 'Agence', 'Olivia', 'https://x').subject).toBe('Vigie : invitation à rejoindre « Agence »');
  });
});
