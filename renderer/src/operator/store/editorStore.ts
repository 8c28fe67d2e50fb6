/**
 * The scenario being edited: the entry, its document as the file holds it, and what the host said of the latest
 * edit (problems, warnings, Explain). Every edit is sent to the host after a short pause in typing
 * (`previewEdit`): it is kept as a draft beside the file, validated, and when valid run on the device screen.
 */
import { create } from 'zustand';
import type { EditPreview, EntryDocument, LibraryEntry } from '../../../../shared/operator';
import { getApi } from '../../bridge';
import { report, useNavStore } from './navStore';

/** How long typing may pause before the edit is validated and previewed. */
export const PREVIEW_DELAY_MS = 250;

interface EditorState {
  entry: LibraryEntry | null;
  document: unknown;
  /** Edits not yet saved to the file (they are kept in the draft meanwhile). */
  dirty: boolean;
  preview: EditPreview | null;
  /** An edit is waiting for, or on its way to, the host. */
  previewing: boolean;
  /** Unsaved edits found beside the file when it was opened, offered to the operator. */
  draftOffer: { document: unknown; savedAt: string } | null;
  load(opened: EntryDocument): void;
  /** Nothing is edited any more (the entry was deleted). */
  unload(): void;
  edit(change: (document: unknown) => unknown): void;
  save(): Promise<void>;
  restoreDraft(): void;
  discardDraft(): Promise<void>;
}

let timer: ReturnType<typeof setTimeout> | undefined;
let sequence = 0;

/** The scenario being edited and the host's answer to the latest edit. */
export const useEditorStore = create<EditorState>()((set, get) => {
  const sendPreview = async (): Promise<void> => {
    const { entry, document } = get();
    if (!entry || entry.readOnly) return;
    const mine = ++sequence;
    const result = await getApi().previewEdit(entry.id, document);
    if (mine !== sequence) return;
    if (result.ok) set({ preview: result.value, previewing: false });
    else {
      set({ previewing: false });
      report(result, '');
    }
  };
  return {
    entry: null,
    document: null,
    dirty: false,
    preview: null,
    previewing: false,
    draftOffer: null,
    load: ({ entry, document, draft }) => {
      clearTimeout(timer);
      sequence++;
      set({ entry, document, dirty: false, preview: null, previewing: false, draftOffer: draft });
    },
    unload: () => {
      clearTimeout(timer);
      sequence++;
      set({ entry: null, document: null, dirty: false, preview: null, previewing: false, draftOffer: null });
    },
    edit: (change) => {
      const { entry, document } = get();
      if (!entry || entry.readOnly) return;
      set({ document: change(document), dirty: true, previewing: true, draftOffer: null });
      clearTimeout(timer);
      timer = setTimeout(() => void sendPreview(), PREVIEW_DELAY_MS);
    },
    save: async () => {
      const { entry, document } = get();
      if (!entry) return;
      clearTimeout(timer);
      const result = await getApi().saveEntry(entry.id, document);
      if (result.ok) {
        set({ entry: result.value.entry, dirty: false });
        useNavStore.getState().say(`Saved “${result.value.entry.name}”`);
      } else {
        useNavStore.getState().say(result.error.charAt(0).toUpperCase() + result.error.slice(1), true);
        if (result.problems)
          set({ preview: { problems: result.problems, warnings: [], explain: null, applied: false } });
      }
    },
    restoreDraft: () => {
      const { draftOffer } = get();
      if (!draftOffer) return;
      set({ document: draftOffer.document, dirty: true, draftOffer: null, previewing: true });
      void sendPreview();
      useNavStore.getState().say('Restored your unsaved edits');
    },
    discardDraft: async () => {
      const { entry } = get();
      if (!entry) return;
      const result = await getApi().discardDraft(entry.id);
      if (report(result, 'Discarded the unsaved edits')) set({ draftOffer: null });
    },
  };
});
