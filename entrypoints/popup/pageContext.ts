import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { send, sendToTab, type InsertResult, type PageContext } from '@/utils/messages';

/**
 * The popup's link to the page it was opened over: which tab, who the open conversation is with,
 * and inserting a reply into that tab's composer (the content script does the inserting).
 */

/**
 * The tab the popup acts on: the active tab of the current window; when the popup is opened as a
 * page (tests), `?tab=<id>` names it instead.
 */
export async function findTargetTab(search: string = location.search): Promise<number | null> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null) return /^\d{1,10}$/.test(param) ? Number(param) : null;
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  } catch {
    return null;
  }
}

/** What the tab's content script says about its page; null when no DM Desk page answers. */
export async function loadPageContext(tabId: number | null): Promise<PageContext | null> {
  if (tabId === null) return null;
  try {
    return await sendToTab<'page:context'>(tabId, { type: 'page:context' });
  } catch {
    return null; // not a platform page, or its content script is gone (extension updated)
  }
}

/**
 * Insert into the tab's composer (never sends). The content script that did the insertion counts
 * the use (it carries the reply id), so it is not counted here again.
 */
export async function insertIntoTab(tabId: number | null, text: string, replyId?: string): Promise<InsertResult> {
  if (tabId === null) return { ok: false, method: 'none', error: 'No tab to insert into' };
  let result: InsertResult;
  try {
    result = await sendToTab<'composer:insert'>(tabId, { type: 'composer:insert', text, ...(replyId ? { replyId } : {}) });
  } catch (e) {
    return { ok: false, method: 'none', error: e instanceof Error ? e.message : String(e) };
  }
  return result;
}

/** Copy to the clipboard (no composer in the current tab); counts as a use of the reply. */
export async function copyReply(text: string, replyId?: string): Promise<void> {
  await navigator.clipboard.writeText(text);
  if (replyId) await send({ type: 'reply:used', id: replyId }).catch(() => undefined);
}

/** The target tab and its page context, read once when the popup opens. */
export function usePageTarget(): { tabId: number | null; context: PageContext | null; loaded: boolean } {
  const [state, setState] = useState<{ tabId: number | null; context: PageContext | null; loaded: boolean }>({
    tabId: null,
    context: null,
    loaded: false,
  });
  useEffect(() => {
    let live = true;
    void (async () => {
      const tabId = await findTargetTab();
      const context = await loadPageContext(tabId);
      if (live) setState({ tabId, context, loaded: true });
    })();
    return () => {
      live = false;
    };
  }, []);
  return state;
}
