/**
 * Tenant & device: apps, policies and profiles, groups and filters, the device and its users, the deployment and
 * the Windows release, each on its own tab. Every change goes to the host as an edit (validated, previewed).
 */
import { useState } from 'react';
import type { JSX } from 'react';
import { AppsSection } from '../tenant/AppsSection';
import { DeploymentSection } from '../tenant/DeploymentSection';
import { DeviceSection, UsersSection } from '../tenant/DeviceUsersSection';
import { FiltersSection, GroupsSection } from '../tenant/GroupsFiltersSection';
import { ResourcesSection } from '../tenant/ResourcesSection';
import { VariationSection } from '../tenant/VariationFields';
import { useEditorStore } from '../store/editorStore';

const TABS = [
  { id: 'apps', label: 'Apps' },
  { id: 'resources', label: 'Policies, certificates, networks' },
  { id: 'groups', label: 'Groups & filters' },
  { id: 'device', label: 'Device & users' },
  { id: 'deployment', label: 'Deployment & Windows' },
] as const;

type Tab = (typeof TABS)[number]['id'];

/** The Tenant & device page and its tabs. */
export function TenantPage(): JSX.Element {
  const entry = useEditorStore((s) => s.entry);
  const [tab, setTab] = useState<Tab>('apps');
  if (!entry) return <p role="status">Open a scenario in the Library to edit its tenant and device.</p>;
  return (
    <div className="operator-stack">
      {entry.readOnly && <p className="operator-muted">This scenario is read-only: duplicate it to edit.</p>}
      <nav aria-label="Tenant & device sections" className="op-subnav">
        <ul>
          {TABS.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                className="operator-nav-item"
                aria-current={t.id === tab ? 'page' : undefined}
                onClick={() => setTab(t.id)}
              >
                {t.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'apps' && (
        <>
          <AppsSection />
          <VariationSection />
        </>
      )}
      {tab === 'resources' && <ResourcesSection />}
      {tab === 'groups' && (
        <>
          <GroupsSection />
          <FiltersSection />
        </>
      )}
      {tab === 'device' && (
        <>
          <DeviceSection />
          <UsersSection />
        </>
      )}
      {tab === 'deployment' && <DeploymentSection />}
    </div>
  );
}
