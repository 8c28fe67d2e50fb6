/**
 * Renderer entry: connect to the session once (seeded from the page's snapshot), then render.
 */
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getApi } from './bridge';
import { startSnapshotSync, takePageSnapshot } from './store/sync';
import './styles/fonts.css';
import './styles/base.css';

// Before the first render: the page's own snapshot lets the first frame be the device screen, not "loading".
startSnapshotSync(getApi(), takePageSnapshot());

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// Rendered in this task, not scheduled: the browser's first paint then already shows the screen, with the effects
// that set the page's look and language run before it, instead of a blank frame and the screen a task or two later
// (about 20 ms of bench/renderer's first frame on the 2-core machine).
const root = createRoot(container);
flushSync(() =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
