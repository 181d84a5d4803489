import type { PageContext } from '@/utils/messages';
import { PLATFORM_LABELS } from '@/utils/platforms/hosts';

/** Props of the Replies tab; components/RepliesPanel.tsx (written elsewhere) takes the same. */
export interface RepliesTabProps {
  context: PageContext | null;
  onInsert(text: string, replyId: string): void;
  onCopy(text: string, replyId: string): void;
}

/** Stands in for RepliesPanel until it is merged: says what the Replies tab will act on. */
export function RepliesPlaceholder({ context }: RepliesTabProps) {
  return (
    <div className="replies-placeholder">
      <p>Saved replies appear here.</p>
      <p data-testid="page-context">
        {context
          ? `${PLATFORM_LABELS[context.platform]}${context.contact ? ` — ${context.contact.name}` : ''}${
              context.composer ? '' : ' (no composer: replies are copied)'
            }`
          : 'This tab is not a DM page: replies are copied.'}
      </p>
    </div>
  );
}
