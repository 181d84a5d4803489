import type { ReactNode } from 'react';
import { PlatformHealthView } from '@/components/PlatformHealthView';
import { ResponseTimesView } from '@/components/ResponseTimesView';
import { DeleteAllData } from '@/components/DeleteAllData';
import { ImportExportView } from '@/components/ImportExportView';
import { ReplyLibrary } from '@/components/ReplyLibrary';
import { SettingsView } from '@/components/SettingsView';
import { useReplies, useSettings } from '@/components/useReplies';

const SECTIONS = [
  ['replies', 'Saved replies'],
  ['settings', 'Settings'],
  ['import-export', 'Import and export'],
  ['response-times', 'Response times'],
  ['platform-health', 'Platform health'],
  ['data', 'Data'],
] as const;

function Section({ id, title, children }: { id: (typeof SECTIONS)[number][0]; title: string; children: ReactNode }) {
  return (
    <section id={id} className="options-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export function OptionsApp() {
  const { replies, reload, error } = useReplies();
  const settings = useSettings();
  return (
    <div className="options">
      <a className="skip-link" href="#replies-heading">
        Skip to saved replies
      </a>
      <header className="options-header">
        <h1>DM Desk</h1>
        <nav aria-label="Sections">
          <ul>
            {SECTIONS.map(([id, title]) => (
              <li key={id}>
                <a href={`#${id}`}>{title}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        <Section id="replies" title="Saved replies">
          {error ? <p role="alert">{error}</p> : null}
          {replies ? <ReplyLibrary replies={replies} myName={settings?.myName ?? ''} reload={reload} /> : <p role="status">Loading saved replies…</p>}
        </Section>
        <Section id="settings" title="Settings">
          <SettingsView />
        </Section>
        <Section id="import-export" title="Import and export">
          <ImportExportView onImported={() => void reload()} />
        </Section>
        <Section id="response-times" title="Response times">
          <ResponseTimesView />
        </Section>
        <Section id="platform-health" title="Platform health">
          <PlatformHealthView />
        </Section>
        <Section id="data" title="Data">
          <DeleteAllData onDeleted={() => void reload()} />
        </Section>
      </main>
    </div>
  );
}
