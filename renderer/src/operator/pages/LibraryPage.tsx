/**
 * Library: the bundled scenarios (read-only: Duplicate to edit) and the user's own (new, duplicate, rename, delete,
 * export, open), a scenario file to import, and Intune exports to import by button or by dropping them here
 * (through the same importer as `esp-sim import`), with what was mapped and what was not.
 */
import { useRef, useState } from 'react';
import type { DragEvent, JSX } from 'react';
import type { LibraryEntry } from '../../../../shared/operator';
import { Section, TextField } from '../components/Fields';
import { useLibraryStore } from '../store/libraryStore';

type Naming = { kind: 'new' } | { kind: 'duplicate' | 'rename'; entry: LibraryEntry };

function NameForm({ naming, onDone }: { naming: Naming; onDone(): void }): JSX.Element {
  const { create, duplicate, rename } = useLibraryStore.getState();
  const initial =
    naming.kind === 'new'
      ? 'New scenario'
      : naming.kind === 'duplicate'
        ? `${naming.entry.name} (copy)`
        : naming.entry.name;
  const [name, setName] = useState(initial);
  const title =
    naming.kind === 'new'
      ? 'New scenario'
      : naming.kind === 'duplicate'
        ? `Duplicate “${naming.entry.name}”`
        : `Rename “${naming.entry.name}”`;
  return (
    <form
      className="operator-inline-form"
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        const done =
          naming.kind === 'new'
            ? create(name)
            : naming.kind === 'duplicate'
              ? duplicate(naming.entry.id, name)
              : rename(naming.entry.id, name);
        void done.then((ok) => ok && onDone());
      }}
    >
      <h3>{title}</h3>
      <TextField label="Name" value={name} onChange={setName} required />
      <button type="submit" className="op-button op-primary" disabled={name.trim() === ''}>
        {naming.kind === 'rename' ? 'Rename' : 'Create'}
      </button>
      <button type="button" className="op-button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}

function EntryRow({
  entry,
  open,
  onName,
}: {
  entry: LibraryEntry;
  open: boolean;
  onName(n: Naming): void;
}): JSX.Element {
  const { open: openEntry, remove, exportEntry } = useLibraryStore.getState();
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="operator-entry" data-testid={`op-entry-${entry.id}`} data-open={open ? 'true' : undefined}>
      <div className="operator-entry-text">
        <span className="operator-entry-name">{entry.name}</span>
        {open && <span className="status-chip status-inProgress">Open</span>}
        {entry.draftSavedAt && <span className="status-chip">Unsaved edits</span>}
        {entry.problems.length > 0 && (
          <span className="status-chip status-failed">
            {entry.problems.length} problem{entry.problems.length === 1 ? '' : 's'}
          </span>
        )}
        <span className="operator-muted operator-entry-file">{entry.fileName}</span>
        {entry.description && <span className="operator-muted operator-entry-description">{entry.description}</span>}
      </div>
      <div className="operator-entry-actions">
        <button type="button" className="op-button op-primary" onClick={() => void openEntry(entry.id)}>
          Open<span className="visually-hidden"> {entry.name}</span>
        </button>
        <button type="button" className="op-button" onClick={() => onName({ kind: 'duplicate', entry })}>
          {entry.readOnly ? 'Duplicate to edit' : 'Duplicate'}
          <span className="visually-hidden"> {entry.name}</span>
        </button>
        {!entry.readOnly && (
          <button type="button" className="op-button" onClick={() => onName({ kind: 'rename', entry })}>
            Rename<span className="visually-hidden"> {entry.name}</span>
          </button>
        )}
        <button type="button" className="op-button" onClick={() => void exportEntry(entry.id)}>
          Export<span className="visually-hidden"> {entry.name}</span>
        </button>
        {!entry.readOnly &&
          (confirming ? (
            <>
              <button
                type="button"
                className="op-button op-danger"
                onClick={() => void remove(entry.id).then(() => setConfirming(false))}
              >
                Delete “{entry.name}” for good
              </button>
              <button type="button" className="op-button" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </>
          ) : (
            <button type="button" className="op-button" onClick={() => setConfirming(true)}>
              Delete<span className="visually-hidden"> {entry.name}</span>
            </button>
          ))}
      </div>
    </li>
  );
}

/** The Library page. */
export function LibraryPage(): JSX.Element {
  const library = useLibraryStore((s) => s.library);
  const importReport = useLibraryStore((s) => s.importReport);
  const { importScenario, importIntune } = useLibraryStore.getState();
  const [naming, setNaming] = useState<Naming | null>(null);
  const [dragging, setDragging] = useState(false);
  const scenarioInput = useRef<HTMLInputElement>(null);
  const intuneInput = useRef<HTMLInputElement>(null);

  if (!library) return <p role="status">Reading the library…</p>;
  const bundled = library.entries.filter((e) => e.kind !== 'user');
  const own = library.entries.filter((e) => e.kind === 'user');
  const onDrop = (event: DragEvent<HTMLElement>): void => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) void importIntune(files);
  };

  return (
    <div className="operator-stack">
      {library.notices.length > 0 && (
        <div className="operator-notice" role="alert">
          {library.notices.map((notice) => (
            <p key={notice}>{notice}</p>
          ))}
        </div>
      )}
      {library.setAside.length > 0 && (
        <div className="operator-notice" role="alert" data-testid="op-set-aside">
          <p>
            These files in the library folder could not be read and were set aside (nothing was deleted). Fix one in a
            text editor and rename it back to <code>.json</code> to use it again:
          </p>
          <ul>
            {library.setAside.map((file) => (
              <li key={file.fileName}>
                <code>{file.fileName}</code>
                {file.why ? `: ${file.why}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Section
        title="Your scenarios"
        actions={
          <>
            <button type="button" className="op-button op-primary" onClick={() => setNaming({ kind: 'new' })}>
              New scenario
            </button>
            <button type="button" className="op-button" onClick={() => scenarioInput.current?.click()}>
              Import a scenario file
            </button>
            <input
              ref={scenarioInput}
              type="file"
              accept=".json,application/json"
              className="visually-hidden"
              tabIndex={-1}
              aria-label="Scenario file to import"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void importScenario(file);
              }}
            />
          </>
        }
      >
        <p className="operator-muted">
          Kept as files in <code data-testid="op-library-folder">{library.folder}</code>. Unsaved edits are kept beside
          each file until you save or discard them.
        </p>
        {naming && <NameForm naming={naming} onDone={() => setNaming(null)} />}
        {own.length === 0 ? (
          <p className="operator-muted">None yet: create one, duplicate a bundled scenario or import one.</p>
        ) : (
          <ul className="operator-entries">
            {own.map((entry) => (
              <EntryRow key={entry.id} entry={entry} open={entry.id === library.openId} onName={setNaming} />
            ))}
          </ul>
        )}
      </Section>

      <Section title="Import from Intune">
        <div
          className="operator-dropzone"
          data-dragging={dragging ? 'true' : undefined}
          data-testid="op-dropzone"
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p>
            Drop Intune or Microsoft Graph exports here (ESP profiles, Windows apps with their assignments, assignment
            filters, groups), or
          </p>
          <button type="button" className="op-button" onClick={() => intuneInput.current?.click()}>
            Choose Intune exports
          </button>
          <input
            ref={intuneInput}
            type="file"
            multiple
            accept=".json,application/json"
            className="visually-hidden"
            tabIndex={-1}
            aria-label="Intune exports to import"
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = '';
              if (files.length > 0) void importIntune(files);
            }}
          />
        </div>
        {importReport && (
          <div className="operator-import-report" data-testid="op-import-report">
            {importReport.problems.length > 0 && (
              <>
                <h3>Not imported: the result would not be a valid scenario</h3>
                <ul>
                  {importReport.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </>
            )}
            <h3>Mapped ({importReport.mapped.length})</h3>
            <ul data-testid="op-import-mapped">
              {importReport.mapped.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
            <h3>Not mapped ({importReport.unmapped.length})</h3>
            {importReport.unmapped.length === 0 ? (
              <p className="operator-muted">Everything was mapped.</p>
            ) : (
              <ul data-testid="op-import-unmapped">
                {importReport.unmapped.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </Section>

      <Section title="Bundled scenarios">
        <p className="operator-muted">Read-only. Duplicate one to change it.</p>
        <ul className="operator-entries">
          {bundled.map((entry) => (
            <EntryRow key={entry.id} entry={entry} open={entry.id === library.openId} onName={setNaming} />
          ))}
        </ul>
      </Section>
    </div>
  );
}
