/**
 * Renderer entry: connect to the session once, then render.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getApi } from './bridge';
import { startSnapshotSync } from './store/sync';
import './styles/fonts.css';
import './styles/base.css';

startSnapshotSync(getApi());

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
