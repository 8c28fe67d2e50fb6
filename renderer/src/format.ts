/**
 * How the device screen and the operator console print the run's facts: simulated time as `h:mm:ss`, and the
 * snapshot's internal names (modes, outcomes, screens) as the words a person reads.
 */
export {
  JOIN_LABELS,
  MODE_LABELS,
  OUTCOME_TEXT as OUTCOME_LABELS,
  TARGETED_BY_TEXT as TARGET_LABELS,
  formatDuration as formatElapsed,
} from '../../shared/esp';
export { SCREEN_LABELS } from '../../shared/snapshot';
