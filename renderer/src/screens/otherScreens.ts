/**
 * Every device screen but the ESP itself, and the overlays the ESP opens (the diagnostics page, the Collect logs
 * dialog): one chunk, loaded after the ESP's first frame (lazyScreens.ts). The ESP is what the device screen
 * shows first on every run, so its first frame does not wait to evaluate these (bench/README.md, bench/renderer).
 */
export { CollectLogsDialog } from '../components/CollectLogsDialog';
export { DesktopScreen } from './DesktopScreen';
export { DiagnosticsPage } from './DiagnosticsPage';
export { FirstSignInScreen } from './FirstSignInScreen';
export { KioskScreen } from './KioskScreen';
export { PreProvisioningConfigurationScreen } from './PreProvisioningConfigurationScreen';
export { PreProvisioningOptionsScreen } from './PreProvisioningOptionsScreen';
export { PreProvisioningResultScreen } from './PreProvisioningResultScreen';
export { QualityUpdatesScreen } from './QualityUpdatesScreen';
export { ResettingScreen } from './ResettingScreen';
export { RestartScreen } from './RestartScreen';
export { ShutDownScreen } from './ShutDownScreen';
export { SignInScreen } from './SignInScreen';
