// The floor for bench/renderer: React 19 + zustand, one store, a title and a short list, and the same
// first-frame mark the ESP screen sets. Whatever the ESP's first frame costs above this is ours.
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { create } from 'zustand';

const useRows = create<{ rows: string[] }>(() => ({
  rows: ['Device preparation', 'Device setup', 'Account setup'],
}));

function Page() {
  const rows = useRows((s) => s.rows);
  useEffect(() => {
    requestAnimationFrame(() => performance.mark('esp-first-frame'));
  }, []);
  return (
    <main>
      <h1>Setting up for work or school</h1>
      <ul>
        {rows.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<Page />);
