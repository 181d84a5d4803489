import { getDb } from '../db';
import { broadcastChanged } from '../messages';
import { replySchema, type Reply, type ReplyDraft } from './model';
import { newReplyId } from './store';
import { checkDraft } from './validate';

/**
 * The starter library a social manager gets on first install: the replies they type every day,
 * personalised with variables, each with a shortcut. Ordinary replies: edit or delete freely.
 */
export const STARTER_REPLIES: readonly ReplyDraft[] = [
  {
    title: 'Greeting',
    shortcut: '/hi',
    tags: ['greeting'],
    body: 'Hi {{first_name|there}}, thanks for reaching out! {{cursor}}',
  },
  {
    title: 'Thanks',
    shortcut: '/thx',
    tags: ['greeting'],
    body: 'Thank you so much, {{first_name}}! We really appreciate it. 💛',
  },
  {
    title: 'Order status',
    shortcut: '/order',
    tags: ['orders', 'support'],
    body:
      'Hi {{first_name|there}}, happy to check on your order! Could you send me your order number and the email address you used at checkout? {{cursor}}',
  },
  {
    title: 'Move to email',
    shortcut: '/email',
    tags: ['support'],
    body:
      'Thanks {{first_name}}. So we can look into this properly and keep your details private, could you email us at {{cursor}} with a short summary? We will pick it up from there.',
  },
  {
    title: 'Out of hours',
    shortcut: '/ooh',
    tags: ['support'],
    body:
      'Hi {{first_name|there}}, thanks for your message! Our team is offline right now ({{weekday}}, {{time}}). We will get back to you as soon as we are back, usually within one business day.',
  },
  {
    title: 'Complaint acknowledgement',
    shortcut: '/sorry',
    tags: ['support', 'complaints'],
    body:
      "I'm really sorry to hear that, {{first_name}}. That is not the experience we want for you. Could you tell me a little more about what happened so I can put it right? {{cursor}}",
  },
  {
    title: 'Pricing question',
    shortcut: '/price',
    tags: ['sales'],
    body:
      'Hi {{first_name|there}}, great question! Our current prices are {{cursor}}. Let me know if you would like a recommendation for what fits you best.',
  },
  {
    title: 'Collaboration request',
    shortcut: '/collab',
    tags: ['partnerships'],
    body:
      'Hi {{first_name|there}}, thanks for thinking of us for a collaboration! Could you send a short overview of the idea, timing and audience? I will share it with the team and get back to you.',
  },
  {
    title: 'Polite decline',
    shortcut: '/decline',
    tags: ['partnerships'],
    body:
      "Thank you for the kind offer, {{first_name}}. It isn't a fit for us right now, but we appreciate you reaching out and wish you all the best with it.",
  },
  {
    title: 'Review request',
    shortcut: '/review',
    tags: ['feedback'],
    body:
      "So glad you're happy, {{first_name}}! If you have a minute, a short review would mean a lot to our small team: {{cursor}}",
  },
  {
    title: 'FAQ link',
    shortcut: '/faq',
    tags: ['support'],
    body: 'Hi {{first_name|there}}, you will find answers to the most common questions here: {{cursor}}\nIf anything is still unclear, just reply and I will help.',
  },
  {
    title: 'Closing',
    shortcut: '/bye',
    tags: ['greeting'],
    body: 'Thanks again for getting in touch, {{first_name}}. Have a lovely {{weekday}}!\n{{my_name}}',
  },
];

/** The starter replies as stored records (validated like any reply). */
export function starterReplies(now = Date.now()): Reply[] {
  return STARTER_REPLIES.map((draft) => {
    const check = checkDraft(draft, []);
    if (!check.ok) throw new Error(`Starter reply “${draft.title}” is invalid: ${Object.values(check.errors).join(' ')}`);
    return replySchema.parse({ id: newReplyId(), ...check.draft, createdAt: now, updatedAt: now, useCount: 0 });
  });
}

/**
 * Seed the starter library, only when the library is empty (checked in the same transaction that
 * writes). For the background: `browser.runtime.onInstalled` with reason 'install'. Returns how
 * many replies were added (0 when the library already had some).
 */
export async function seedStarterReplies(now = Date.now()): Promise<number> {
  const db = await getDb();
  const tx = db.transaction('replies', 'readwrite');
  if ((await tx.store.count()) > 0) {
    await tx.done;
    return 0;
  }
  const replies = starterReplies(now);
  await Promise.all(replies.map((r) => tx.store.add(r)));
  await tx.done;
  broadcastChanged('replies');
  return replies.length;
}
