import { describeSource, selectSource, useAppStore, useScenarioName } from '../app/store';
import { AutosaveStatus } from './AutosaveStatus';
import { CopyLinkButton } from './CopyLinkButton';
import { ExportScenarioButton } from './ExportScenarioButton';
import { OpenScenarioButton } from './OpenScenarioButton';
import { SamplePicker } from './SamplePicker';
import { ScenarioLibrary } from './ScenarioLibrary';

function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#1f6feb" />
      <rect x="7" y="7" width="18" height="4" rx="1.5" fill="#fff" />
      <rect x="7" y="14" width="18" height="4" rx="1.5" fill="#fff" opacity="0.8" />
      <rect x="7" y="21" width="18" height="4" rx="1.5" fill="#fff" opacity="0.6" />
    </svg>
  );
}

/** The bar at the top: app name, the scenario being planned, where to load another, and how to keep or share it. */
export function AppHeader() {
  const name = useScenarioName();
  const source = useAppStore(selectSource);
  return (
    <header className="app-header">
      <div className="brand">
        <Logo />
        <span className="brand-name">Tierwise</span>
      </div>
      <div className="current-scenario">
        <span className="current-scenario-top">
          <span className="current-scenario-label">Scenario</span>
          <AutosaveStatus />
        </span>
        <span className="current-scenario-name" data-testid="scenario-name">
          {name}
        </span>
        <span className="current-scenario-source">from {describeSource(source)}</span>
      </div>
      <div className="header-actions">
        <SamplePicker />
        <OpenScenarioButton />
        <ExportScenarioButton />
        <CopyLinkButton />
        <ScenarioLibrary />
      </div>
    </header>
  );
}
