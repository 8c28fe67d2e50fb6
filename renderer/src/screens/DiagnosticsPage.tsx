/**
 * The Windows 11 "Windows Autopilot diagnostics" page (§2, CXH `troubleshootingdiagnostics-main.html`): three
 * equal tabs (Configuration info, Deployment info selected on load, Apps and policies status), dark translucent
 * accordions per category that turn #0078D4 when open, the Status | Event | Start time | Finish time | Details
 * tables with an icon-only status column (the label is there for screen readers) under a dimmed header row, and
 * Close / Export logs with the export flow of §2.3.
 *
 * It lies over whatever screen runs (the ESP keeps its state underneath) and shows `snapshot.diagnostics` as the
 * session builds it; it decides nothing about the run. The page's own words follow the screen's language; what
 * the session writes into it (category, property and event names, details) is English and marked `lang="en"`.
 *
 * Past 400 lines because it is one page: its three tabs, accordions and export form share the page's state.
 */
import { useEffect, useRef, useState } from 'react';
import type { JSX, KeyboardEvent, ReactNode } from 'react';
import type { DiagnosticsEvent, DiagnosticsView, Look } from '../../../shared/snapshot';
import { getApi } from '../bridge';
import { DiagnosticsStatusIcon, diagnosticsLabel, diagnosticsTone } from '../components/DiagnosticsStatusIcon';
import { Chevron } from '../components/glyphs';
import { ExportFolderForm, ExportOutcome, ExportProgress } from '../components/LogExportParts';
import { useLogExport } from '../components/useLogExport';
import { useT } from '../i18n';
import '../styles/esp.css';
import '../styles/diagnostics.css';

const TAB_IDS = ['configuration', 'deployment', 'apps'] as const;
type TabId = (typeof TAB_IDS)[number];
/** §2.2: the Deployment info tab is selected on load. */
const INITIAL_TAB: TabId = 'deployment';

/** Categories with an error or a problem open by themselves; the rest start collapsed. */
function needsAttention(statuses: number[]): boolean {
  return statuses.some((s) => {
    const tone = diagnosticsTone(s);
    return tone === 'error' || tone === 'warning';
  });
}

/** The worst status among events, for a category header that has no status of its own. */
function worstStatus(events: DiagnosticsEvent[]): number {
  const rank = (s: number): number => {
    const tone = diagnosticsTone(s);
    return tone === 'error' ? 0 : tone === 'warning' ? 1 : tone === 'progress' ? 2 : tone === 'complete' ? 3 : 4;
  };
  let worst = 0;
  for (const e of events) if (worst === 0 || rank(e.status) < rank(worst)) worst = e.status;
  return worst;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

const COLUMNS = ['status', 'event', 'startTime', 'finishTime', 'details'] as const;

function EventTable({ events, caption }: { events: DiagnosticsEvent[]; caption: string }): JSX.Element {
  const t = useT();
  if (events.length === 0) return <p className="diag-empty">{t('diagnostics.noEntries')}</p>;
  return (
    <div className="diag-table-wrap">
      <table className="diag-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th scope="col" key={column}>
                {t(`diagnostics.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {events.map((event, index) => (
            <tr key={`${event.eventName}-${index}`} data-status={event.status}>
              <td className="diag-status-cell">
                <DiagnosticsStatusIcon status={event.status} />
                <span className="visually-hidden">{diagnosticsLabel(t, event.status)}</span>
              </td>
              <th scope="row" className="diag-event-name" lang="en">
                {event.eventName}
              </th>
              <td className="diag-time">{event.startTime}</td>
              <td className="diag-time">{event.finishTime}</td>
              <td className="diag-details" lang="en">
                {event.details}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface AccordionProps {
  id: string;
  title: string;
  status: number;
  open: boolean;
  onToggle(): void;
  children: ReactNode;
}

function Accordion({ id, title, status, open, onToggle, children }: AccordionProps): JSX.Element {
  const t = useT();
  const label = diagnosticsLabel(t, status);
  return (
    <section className="diag-accordion" data-testid={`diag-category-${id}`} data-status={status}>
      <h2 className="diag-accordion-heading">
        <button
          type="button"
          className="diag-accordion-button"
          id={`${id}-header`}
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={onToggle}
        >
          <DiagnosticsStatusIcon status={status} />
          <span className="diag-accordion-title" lang="en">
            {title}
          </span>
          {label && <span className="visually-hidden">: {label}</span>}
          <Chevron up={open} />
        </button>
      </h2>
      <div
        className="diag-accordion-body"
        id={`${id}-body`}
        role="region"
        aria-labelledby={`${id}-header`}
        hidden={!open}
      >
        {children}
      </div>
    </section>
  );
}

/** Which accordions the user opened or closed; the rest follow `needsAttention`. Kept across tab switches. */
interface Accordions {
  isOpen(key: string, fallback: boolean): boolean;
  toggle(key: string, fallback: boolean): void;
}

function useAccordions(): Accordions {
  const [overrides, setOverrides] = useState<Record<string, boolean>>({});
  return {
    isOpen: (key, fallback) => overrides[key] ?? fallback,
    toggle: (key, fallback) => setOverrides((o) => ({ ...o, [key]: !(o[key] ?? fallback) })),
  };
}

function ConfigurationPanel({ view }: { view: DiagnosticsView }): JSX.Element {
  const t = useT();
  if (view.configuration.length === 0) return <p className="diag-empty">{t('diagnostics.noEntries')}</p>;
  return (
    <>
      {view.configuration.map((category) => (
        <section
          className="diag-config"
          key={category.categoryName}
          data-testid={`diag-config-${slug(category.categoryName)}`}
        >
          <h2 className="diag-section-title" lang="en">
            {category.categoryName}
          </h2>
          <table className="diag-table diag-config-table">
            <caption className="visually-hidden">{category.categoryName}</caption>
            <thead className="visually-hidden">
              <tr>
                <th scope="col">{t('diagnostics.property')}</th>
                <th scope="col">{t('diagnostics.value')}</th>
              </tr>
            </thead>
            <tbody lang="en">
              {category.items.map((item, index) => (
                <tr key={`${item.propertyName}-${index}`}>
                  <th scope="row">{item.propertyName}</th>
                  <td>{item.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

function DeploymentPanel({ view, accordions }: { view: DiagnosticsView; accordions: Accordions }): JSX.Element {
  const t = useT();
  if (view.deployment.length === 0) return <p className="diag-empty">{t('diagnostics.noEntries')}</p>;
  return (
    <>
      {view.deployment.map((category) => {
        const key = `deployment-${slug(category.categoryName)}`;
        const fallback = needsAttention([category.status, ...category.events.map((e) => e.status)]);
        return (
          <Accordion
            key={key}
            id={key}
            title={category.categoryName}
            status={category.status}
            open={accordions.isOpen(key, fallback)}
            onToggle={() => accordions.toggle(key, fallback)}
          >
            <EventTable events={category.events} caption={category.categoryName} />
          </Accordion>
        );
      })}
    </>
  );
}

function AppsPanel({ view, accordions }: { view: DiagnosticsView; accordions: Accordions }): JSX.Element {
  const t = useT();
  if (view.appsAndPolicies.length === 0) return <p className="diag-empty">{t('diagnostics.noEntries')}</p>;
  return (
    <>
      {view.appsAndPolicies.map((category) => {
        const key = `apps-${slug(category.categoryName)}`;
        const events = [...category.apps, ...category.policies].flatMap((r) => r.events);
        const fallback = needsAttention(events.map((e) => e.status));
        const groups = [
          { title: t('diagnostics.appInfo'), resources: category.apps },
          { title: t('diagnostics.policyInfo'), resources: category.policies },
        ];
        return (
          <Accordion
            key={key}
            id={key}
            title={category.categoryName}
            status={worstStatus(events)}
            open={accordions.isOpen(key, fallback)}
            onToggle={() => accordions.toggle(key, fallback)}
          >
            {groups.map((group) => (
              <div className="diag-resource-group" key={group.title}>
                <h3 className="diag-group-title">{group.title}</h3>
                {group.resources.length === 0 ? (
                  <p className="diag-empty">{t('diagnostics.noEntries')}</p>
                ) : (
                  group.resources.map((resource, index) => (
                    <div className="diag-resource" key={`${resource.resourceName}-${index}`}>
                      <h4 className="diag-resource-name">{resource.resourceName}</h4>
                      <EventTable events={resource.events} caption={resource.resourceName} />
                    </div>
                  ))
                )}
              </div>
            ))}
          </Accordion>
        );
      })}
    </>
  );
}

interface DiagnosticsPageProps {
  view: DiagnosticsView;
  look: Look;
}

export function DiagnosticsPage({ view, look }: DiagnosticsPageProps): JSX.Element {
  const [tab, setTab] = useState<TabId>(INITIAL_TAB);
  const tabRefs = useRef<Record<TabId, HTMLButtonElement | null>>({
    configuration: null,
    deployment: null,
    apps: null,
  });
  const titleRef = useRef<HTMLHeadingElement>(null);
  const accordions = useAccordions();
  const t = useT();
  const exportFlow = useLogExport();
  const { display } = exportFlow;

  // Focus lands on the selected tab when the page opens, as on a freshly navigated OOBE page.
  useEffect(() => {
    tabRefs.current[INITIAL_TAB]?.focus();
  }, []);

  // §2.3: on success the title changes; move focus there so it is read out.
  const succeeded = display.kind === 'succeeded';
  useEffect(() => {
    if (succeeded) titleRef.current?.focus();
  }, [succeeded]);

  const close = (): void => {
    getApi()
      .closeDiagnostics()
      .then(
        (result) => {
          if (!result.ok) console.warn(`ESP Simulator: closeDiagnostics was refused: ${result.error}`);
        },
        (error: unknown) => console.warn('ESP Simulator: closeDiagnostics failed', error),
      );
  };

  const select = (next: TabId): void => {
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  const onTabKeyDown = (event: KeyboardEvent<HTMLButtonElement>): void => {
    const at = TAB_IDS.indexOf(tab);
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (at + 1) % TAB_IDS.length;
    else if (event.key === 'ArrowLeft') next = (at + TAB_IDS.length - 1) % TAB_IDS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = TAB_IDS.length - 1;
    if (next === null) return;
    event.preventDefault();
    select(TAB_IDS[next]!);
  };

  const finished = display.kind === 'failed' || display.kind === 'refused';

  let footer: ReactNode;
  switch (display.kind) {
    case 'form':
      footer = <ExportFolderForm initialPath={display.path} onSubmit={exportFlow.submit} onCancel={exportFlow.reset} />;
      break;
    case 'progress':
      footer = <ExportProgress percent={display.percent} />;
      break;
    case 'succeeded':
      footer = (
        <div className="diag-buttons">
          <button type="button" className="button button-primary" onClick={close} data-testid="diag-close">
            {t('diagnostics.close')}
          </button>
        </div>
      );
      break;
    default:
      footer = (
        <div className="diag-buttons">
          {finished ? (
            <button type="button" className="button" onClick={exportFlow.start} data-testid="diag-try-again">
              {t('diagnostics.tryAgain')}
            </button>
          ) : (
            <button type="button" className="button" onClick={exportFlow.start} data-testid="diag-export">
              {t('diagnostics.exportLogs')}
            </button>
          )}
          <button type="button" className="button button-primary" onClick={close} data-testid="diag-close">
            {t('diagnostics.close')}
          </button>
        </div>
      );
  }

  return (
    <main data-screen="diagnostics" data-look={look} data-export={display.kind} className={`diag look-${look}`}>
      <div className="diag-page">
        <div className="diag-frame">
          <header className="diag-header">
            <h1 className="diag-title" ref={titleRef} tabIndex={-1} data-testid="diag-title">
              {succeeded ? t('logExport.succeeded') : t('diagnostics.title')}
            </h1>
            <ExportOutcome display={display} />
          </header>

          <div className="diag-tabs" role="tablist" aria-label={t('diagnostics.tabListLabel')}>
            {TAB_IDS.map((id) => (
              <button
                key={id}
                ref={(el) => {
                  tabRefs.current[id] = el;
                }}
                type="button"
                role="tab"
                id={`diag-tab-${id}`}
                className="diag-tab"
                aria-selected={tab === id}
                aria-controls={`diag-panel-${id}`}
                tabIndex={tab === id ? 0 : -1}
                data-testid={`diag-tab-${id}`}
                onClick={() => select(id)}
                onKeyDown={onTabKeyDown}
              >
                {t(`diagnostics.tabs.${id}`)}
              </button>
            ))}
          </div>

          {TAB_IDS.map((id) => (
            <div
              key={id}
              role="tabpanel"
              id={`diag-panel-${id}`}
              aria-labelledby={`diag-tab-${id}`}
              className="diag-panel"
              tabIndex={0}
              hidden={tab !== id}
              data-testid={`diag-panel-${id}`}
            >
              {tab === id && id === 'configuration' && <ConfigurationPanel view={view} />}
              {tab === id && id === 'deployment' && <DeploymentPanel view={view} accordions={accordions} />}
              {tab === id && id === 'apps' && <AppsPanel view={view} accordions={accordions} />}
            </div>
          ))}

          <footer className="diag-footer">{footer}</footer>
        </div>
      </div>
    </main>
  );
}
