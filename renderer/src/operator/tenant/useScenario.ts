/**
 * The document being edited, a way to change it, and whether it may be changed: what every tenant section needs.
 */
import { useEditorStore } from '../store/editorStore';

export interface ScenarioEditing {
  document: unknown;
  edit(change: (document: unknown) => unknown): void;
  readOnly: boolean;
}

/** The scenario being edited, from the editor store. */
export function useScenario(): ScenarioEditing {
  const document = useEditorStore((s) => s.document);
  const edit = useEditorStore((s) => s.edit);
  const readOnly = useEditorStore((s) => s.entry?.readOnly ?? true);
  return { document, edit, readOnly };
}
