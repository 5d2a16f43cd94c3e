import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import fr from './fr.json';
import { LANGUAGE_STORAGE_KEY, pickLanguage, type Language } from './pick-language';

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch (error) {
    // Storage can be disabled (privacy mode): fall back to the browser's preference.
    console.warn('localStorage unavailable', error);
    return null;
  }
}

/** Starts i18next with both bundled languages and the language picked for this browser. */
export async function setupI18n(): Promise<void> {
  const lng = pickLanguage(readStoredLanguage(), navigator.languages ?? [navigator.language]);
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
}

/** Switches the interface language and remembers the choice. */
export async function changeLanguage(lng: Language): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch (error) {
    console.warn('language choice not persisted', error);
  }
  document.documentElement.lang = lng;
  await i18next.changeLanguage(lng);
}
