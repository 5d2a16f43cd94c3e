/**
 * Browser entry of the Vigie web interface: loads the translations, then mounts the app.
 * All styles come from bundled .css files (the server's CSP forbids inline <style> and scripts).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { setupI18n } from './i18n/setup-i18n';
import './styles/app.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

void setupI18n().then(() => {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
