/**
 * The scenario library as the host lists it, and what the operator does with it: open (the session runs it),
 * new, duplicate, rename, delete, import, export. Opening an entry loads it into the editor.
 */
import { create } from 'zustand';
import type { OperatorResult } from '../../../../shared/contract';
import type { ImportReport, LibraryState, OpenedEntry, UploadedFile } from '../../../../shared/operator';
import { getApi } from '../../bridge';
import { useEditorStore } from './editorStore';
import { report, useNavStore } from './navStore';

interface LibraryStoreState {
  library: LibraryState | null;
  /** What the last Intune import mapped and did not. */
  importReport: ImportReport | null;
  refresh(): Promise<void>;
  open(id: string): Promise<boolean>;
  create(name: string): Promise<boolean>;
  duplicate(id: string, name: string): Promise<boolean>;
  rename(id: string, name: string): Promise<boolean>;
  remove(id: string): Promise<boolean>;
  importScenario(file: File): Promise<boolean>;
  importIntune(files: File[]): Promise<boolean>;
  exportEntry(id: string): Promise<void>;
}

/** A file's bytes as base64, so UTF-16 exports reach the host untouched. */
export async function uploadOf(file: File): Promise<UploadedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, base64: btoa(binary) };
}

/** The library and what the operator does with it. */
export const useLibraryStore = create<LibraryStoreState>()((set, get) => {
  /** An entry the host opened: the list, the editor and a message follow. */
  const opened = (result: OperatorResult<OpenedEntry>, verb: string): boolean => {
    if (!result.ok) {
      const problems = result.problems?.length ? `: ${result.problems.slice(0, 3).join('; ')}` : '';
      useNavStore.getState().say(`${result.error.charAt(0).toUpperCase()}${result.error.slice(1)}${problems}`, true);
      return false;
    }
    const { state, entry, running } = result.value;
    set({ library: state });
    useEditorStore.getState().load(result.value);
    useNavStore
      .getState()
      .say(
        running
          ? `${verb} “${entry.name}”: the device screen runs it`
          : `${verb} “${entry.name}”: it has problems to fix before it can run`,
        !running,
      );
    return true;
  };
  return {
    library: null,
    importReport: null,
    refresh: async () => {
      const result = await getApi().listLibrary();
      if (!result.ok) {
        report(result, '');
        return;
      }
      set({ library: result.value });
      // The editor follows the open entry (after a reload, too); its unsaved edits are offered back.
      const openId = result.value.openId;
      const editor = useEditorStore.getState();
      if (openId && editor.entry?.id !== openId) {
        const read = await getApi().readEntry(openId);
        if (read.ok) editor.load(read.value);
      }
    },
    open: async (id) => opened(await getApi().openEntry(id), 'Opened'),
    create: async (name) => opened(await getApi().createEntry(name), 'Created'),
    duplicate: async (id, name) => opened(await getApi().duplicateEntry(id, name), 'Duplicated as'),
    rename: async (id, name) => {
      const result = await getApi().renameEntry(id, name);
      if (!report(result, `Renamed to “${name}”`) || !result.ok) return false;
      set({ library: result.value });
      const editor = useEditorStore.getState();
      if (editor.entry?.id === id && result.value.openId) {
        const read = await getApi().readEntry(result.value.openId);
        if (read.ok) editor.load(read.value);
      }
      return true;
    },
    remove: async (id) => {
      const name = get().library?.entries.find((e) => e.id === id)?.name ?? id;
      const result = await getApi().deleteEntry(id);
      if (!report(result, `Deleted “${name}”`) || !result.ok) return false;
      set({ library: result.value });
      if (useEditorStore.getState().entry?.id === id) useEditorStore.getState().unload();
      return true;
    },
    importScenario: async (file) =>
      opened(await getApi().importScenario(await uploadOf(file)), `Imported ${file.name} as`),
    importIntune: async (files) => {
      const uploads = await Promise.all(files.map(uploadOf));
      const result = await getApi().importIntune(uploads);
      if (!result.ok) {
        report(result, '');
        return false;
      }
      set({ library: result.value.state, importReport: result.value });
      const { id, mapped, unmapped } = result.value;
      if (id) {
        const read = await getApi().readEntry(id);
        if (read.ok) useEditorStore.getState().load(read.value);
        useNavStore
          .getState()
          .say(`Imported ${mapped.length} objects (${unmapped.length} not mapped); the device screen runs the result`);
      } else {
        useNavStore.getState().say('The exports could not make a valid scenario: see the problems below', true);
      }
      return id !== null;
    },
    exportEntry: async (id) => {
      const result = await getApi().exportEntry(id);
      if (!result.ok) {
        report(result, '');
        return;
      }
      const url = URL.createObjectURL(new Blob([result.value.text], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = result.value.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      useNavStore.getState().say(`Exported ${result.value.fileName}`);
    },
  };
});
