/**
 * Intune assignment-filter rules (esp-reference.md §5.2): the grammar lives in shared/assignmentFilter.ts so the
 * operator console can check a rule as it is typed; the core rooms keep importing it from here.
 */
export * from '../../../shared/assignmentFilter';
