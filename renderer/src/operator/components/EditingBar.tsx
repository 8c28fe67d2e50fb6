/**
 * The scenario the console edits and the device screen runs: its name, whether it is saved, its problems, Save,
 * and the unsaved edits found beside the file (Restore / Discard).
 */
import { useState } from 'react';
import type { JSX } from 'react';
import type { Snapshot } from '../../../../shared/snapshot';
import { useEditorStore } from '../store/editorStore';
import { useLibraryStore } from '../store/libraryStore';
import { useNavStore } from '../store/navStore';

function timeOf(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** The bar under the page navigation: the scenario being edited, Save, and the draft offer. */
export function EditingBar({ snapshot }: { snapshot: Snapshot }): JSX.Element {
  const entry = useEditorStore((s) => s.entry);
  const dirty = useEditorStore((s) => s.dirty);
  const preview = useEditorStore((s) => s.preview);
  const previewing = useEditorStore((s) => s.previewing);
  const draftOffer = useEditorStore((s) => s.draftOffer);
  const save = useEditorStore((s) => s.save);
  const restore = useEditorStore((s) => s.restoreDraft);
  const discard = useEditorStore((s) => s.discardDraft);
  const duplicate = useLibraryStore((s) => s.duplicate);
  const show = useNavStore((s) => s.show);
  const [saving, setSaving] = useState(false);

  const problems = preview?.problems.length ?? 0;
  let status: string;
  if (!entry) status = '';
  else if (entry.readOnly) status = 'Read-only: duplicate it to edit';
  else if (previewing) status = 'Checking your edits…';
  else if (problems > 0)
    status = `${problems} problem${problems === 1 ? '' : 's'}: the device screen keeps the last valid version`;
  else if (dirty) status = 'Unsaved changes (kept as a draft)';
  else status = 'All changes saved';

  return (
    <div className="operator-editing" aria-label="Scenario being edited" role="region">
      <div className="operator-editing-row">
        <p className="operator-editing-name">
          <span className="operator-muted">Scenario: </span>
          <strong data-testid="op-scenario-name">{entry?.name ?? snapshot.scenario.name}</strong>
          {entry && (
            <span className="operator-muted">
              {' '}
              ({entry.readOnly ? (entry.kind === 'bundled' ? 'bundled' : 'started with') : entry.fileName})
            </span>
          )}
        </p>
        <p className="operator-editing-status" data-testid="op-edit-status">
          {status}
        </p>
        {entry && !entry.readOnly && (
          <button
            type="button"
            className="op-button op-primary"
            disabled={saving || !dirty}
            onClick={() => {
              setSaving(true);
              void save().finally(() => setSaving(false));
            }}
          >
            Save
          </button>
        )}
        {entry?.readOnly && (
          <button type="button" className="op-button" onClick={() => void duplicate(entry.id, `${entry.name} (copy)`)}>
            Duplicate to edit
          </button>
        )}
        {problems > 0 && (
          <button type="button" className="op-link-button" onClick={() => show('explain')}>
            See the problems
          </button>
        )}
      </div>
      {draftOffer && entry && (
        <div className="operator-draft" role="alert">
          <p>
            Unsaved edits to “{entry.name}” from {timeOf(draftOffer.savedAt)} were kept. Restore them?
          </p>
          <button type="button" className="op-button op-primary" onClick={restore}>
            Restore unsaved edits
          </button>
          <button type="button" className="op-button" onClick={() => void discard()}>
            Discard them
          </button>
        </div>
      )}
    </div>
  );
}
