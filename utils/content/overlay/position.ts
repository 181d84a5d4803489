/**
 * Where the corner button goes: at a corner of the composer, never over the platform's send
 * button (or anything else given in `avoid`), inside the viewport.
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function intersects(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

export function cornerPosition(composer: Box, avoid: Box[], size: number, viewport: { width: number; height: number }, gap = 4): Box {
  const right = composer.left + composer.width;
  const bottom = composer.top + composer.height;
  const candidates: Box[] = [
    // Just above the composer's top-right corner: clear of the text and of a send button beside it.
    { left: right - size, top: composer.top - size - gap, width: size, height: size },
    // Just above the top-left corner.
    { left: composer.left, top: composer.top - size - gap, width: size, height: size },
    // Inside the top-right corner (a tall composer).
    { left: right - size - gap, top: composer.top + gap, width: size, height: size },
    // Below the bottom-left corner.
    { left: composer.left, top: bottom + gap, width: size, height: size },
  ];
  const fits = (box: Box) =>
    box.left >= 0 && box.top >= 0 && box.left + box.width <= viewport.width && box.top + box.height <= viewport.height;
  const clear = (box: Box) => !avoid.some((a) => a.width > 0 && a.height > 0 && intersects(box, a));
  return candidates.find((b) => fits(b) && clear(b)) ?? candidates.find(clear) ?? candidates[0]!;
}

/**
 * An element's rectangle in the viewport of `top`: for an element inside same-origin frames (an
 * editor in an iframe, as TinyMCE and CKEditor 4 make them), its rectangle in its frame moved by
 * each frame's content-box position in its parent.
 */
export function viewportRect(el: Element, top: Window): DOMRect {
  const rect = el.getBoundingClientRect();
  let left = rect.left;
  let y = rect.top;
  for (let view: Window | null = el.ownerDocument.defaultView; view && view !== top; view = view.parent) {
    const frame = view.frameElement as HTMLElement | null;
    if (!frame || view.parent === view) break;
    const outer = frame.getBoundingClientRect();
    const style = frame.ownerDocument.defaultView?.getComputedStyle(frame);
    left += outer.left + frame.clientLeft + (parseFloat(style?.paddingLeft ?? '') || 0);
    y += outer.top + frame.clientTop + (parseFloat(style?.paddingTop ?? '') || 0);
  }
  return new DOMRect(left, y, rect.width, rect.height);
}

/** The send buttons near a composer: markers seen on each platform, then any button named "Send". */
const SEND_SELECTORS = [
  '[data-testid="dmComposerSendButton"]', // X legacy
  '[data-testid="dm-composer-send-button"]', // X Chat
  'button.msg-form__send-button', // LinkedIn
  '[data-icon="send"]', // WhatsApp (icon inside the button)
  '[data-e2e*="send"]', // TikTok
  '[aria-label="Send"]', // Instagram, Messenger (English UI)
];

export function sendButtonsNear(composer: Element, levels = 6): Element[] {
  const found = new Set<Element>();
  let scope: Element | null = composer.parentElement;
  for (let i = 0; scope && i < levels; i++, scope = scope.parentElement) {
    for (const el of scope.querySelectorAll(SEND_SELECTORS.join(','))) found.add(el.closest('button, [role="button"]') ?? el);
    for (const el of scope.querySelectorAll('button, [role="button"]')) {
      const label = `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('data-testid') ?? ''} ${el.getAttribute('class') ?? ''} ${(el.textContent ?? '').slice(0, 40)}`;
      if (/\bsend\b|send-?button|sendbutton/i.test(label)) found.add(el);
    }
    if (found.size) break;
  }
  return [...found];
}
