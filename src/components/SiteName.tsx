import type { Scenario } from '../planner';

/** A site as people read it: its name, with the id for those who edit files. */
export function SiteName({ scenario, siteId }: { scenario: Scenario; siteId: string }) {
  const site = scenario.sites.find((s) => s.id === siteId);
  if (!site) return <code>{siteId}</code>;
  return (
    <span className="named-id">
      {site.name}
      {site.name !== site.id && <code className="id">{site.id}</code>}
    </span>
  );
}

export function NamedId({ name, id }: { name: string; id: string }) {
  return (
    <span className="named-id">
      {name}
      {name !== id && <code className="id">{id}</code>}
    </span>
  );
}
