/**
 * How the simulated device names what it tracks: OMA-URIs (LocURIs) for the FirstSync Expected*
 * lists (§4.2), ESPTrackingInfo\Diagnostics item keys (§4.6) and the HTML report's policy table.
 * The scenario has no real OMA-URIs, so they are built from the resource kind and id ([I]).
 */
import type { App, Scenario } from '../scenario/model';
import { guidFrom } from '../facts/ids';
import type { Installer } from '../facts/history';
import { installerOf } from '../facts/history';

export type Scope = 'device' | 'user';

const root = (scope: Scope): string => (scope === 'device' ? './Device/Vendor/MSFT' : './User/Vendor/MSFT');

/** The dummy policy Intune sends so policies read "1 of 1" (§4.2). */
export const ENTDMID_URI = './Vendor/MSFT/DMClient/Provider/MS DM Server/EntDMID';

/** The MSI product code of a simulated LOB app: a GUID derived from its id, uppercase in braces. */
export function productCode(app: App): string {
  return `{${guidFrom('msi-product-code', app.id).toUpperCase()}}`;
}

/** The LocURI the ESP tracks an app by (§4.2): by its installer's CSP. */
export function appLocUri(app: App, scope: Scope): string {
  const kind: Installer = installerOf(app);
  if (app.kind === 'office') return `${root(scope)}/Office/Installation/${app.id}/Status`;
  if (kind === 'msi') return `${root(scope)}/EnterpriseDesktopAppManagement/MSI/${productCode(app)}/DownloadInstall`;
  if (kind === 'modern') return `${root(scope)}/EnterpriseModernAppManagement/AppInstallation/${app.id}`;
  return `${root(scope)}/EnrollmentStatusTracking/Setup/Apps/Tracking/Sidecar/Win32App_${app.id}_1`;
}

/** The LocURI of a tracked policy, certificate or network profile (§4.2), `EntDMID` for the placeholder. */
export function resourceLocUri(scenario: Scenario, id: string, scope: Scope): string {
  if (id === 'EntDMID') return ENTDMID_URI;
  const policy = scenario.tenant.policies.find((p) => p.id === id);
  if (policy) {
    switch (policy.kind) {
      case 'edgeBrowser':
        return `${root(scope)}/Policy/Config/microsoft_edge~Policy~microsoft_edge/${id}`;
      case 'assignedAccess':
        return './Device/Vendor/MSFT/AssignedAccess/Configuration';
      case 'kioskBrowser':
        return `${root(scope)}/Policy/Config/KioskBrowser/${id}`;
      default:
        return `${root(scope)}/Policy/Config/${id}`;
    }
  }
  const cert = scenario.tenant.certificateProfiles.find((c) => c.id === id);
  if (cert) {
    return cert.kind === 'pkcs'
      ? `${root(scope)}/ClientCertificateInstall/PFXCertInstall/${id}`
      : `${root(scope)}/ClientCertificateInstall/SCEP/${id}`;
  }
  const network = scenario.tenant.networkProfiles.find((n) => n.id === id);
  if (network) {
    return network.kind === 'wifi' ? `${root(scope)}/WiFi/Profile/${id}` : `${root(scope)}/VPNv2/${id}`;
  }
  return `${root(scope)}/Policy/Config/${id}`;
}

/** Which FirstSync Expected* list a tracked resource belongs to (§4.2). */
export function expectedListOf(scenario: Scenario, id: string): string {
  if (id === 'EntDMID' || scenario.tenant.policies.some((p) => p.id === id)) return 'ExpectedPolicies';
  const cert = scenario.tenant.certificateProfiles.find((c) => c.id === id);
  if (cert) return cert.kind === 'pkcs' ? 'ExpectedPFXCerts' : 'ExpectedSCEPCerts';
  if (scenario.tenant.networkProfiles.some((n) => n.id === id)) return 'ExpectedNetworkProfiles';
  return 'ExpectedPolicies';
}
