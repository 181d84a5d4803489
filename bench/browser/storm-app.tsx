/**
 * The mutation-storm page: an Instagram-like inbox rendered by React, as the real one is, so the
 * page's own script time is what a framework spends applying the changes. `__storm(seconds)`
 * changes 10 conversations every 10 ms (1,000 row updates a second: previews, times, unread
 * markers, the title and nav counter), like a busy inbox with typing indicators and new messages.
 */
import { memo, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

interface Row {
  id: string;
  name: string;
  snippet: string;
  time: string;
  unread: boolean;
}

const ROWS = 500;
const initial: Row[] = Array.from({ length: ROWS }, (_, i) => ({
  id: String(340282366841710300000000n + BigInt(i)),
  name: `Customer ${i} 🌟`,
  snippet: i % 2 ? `You: Order #${1000 + i} ships today` : `Is item ${i} in stock?`,
  time: `${(i % 23) + 1}h`,
  unread: i % 4 === 0,
}));

const ThreadRow = memo(function ThreadRow({ row }: { row: Row }) {
  const weight = row.unread ? 'x1s688f' : 'xo1l8bm';
  return (
    <div role="listitem" className="x1n2onr6">
      <div className="x9f619 x1n2onr6">
        <a className="x1i10hfl x1qjc9v5" href={`/direct/t/${row.id}/`} role="link" tabIndex={0}>
          <div className="x9f619 x78zum5">
            <div className="x1rg5ohu">
              <img alt={`user_${row.id}'s profile picture`} src="data:," />
            </div>
            <div className="x9f619 x1iyjqo2">
              <div className="x9f619 x1n2onr6">
                <span className={`x1lliihq x193iq5w ${weight}`}>
                  <span dir="auto" className="x1lliihq">
                    {row.name}
                  </span>
                </span>
              </div>
              <div className="x78zum5">
                <span className={`x1lliihq ${weight}`}>
                  <span dir="auto">{row.snippet}</span>
                </span>
                <span aria-hidden="true"> · </span>
                <abbr>
                  <span>{row.time}</span>
                </abbr>
              </div>
            </div>
            {row.unread && (
              <div className="x6s0dn4">
                <div aria-label="Unread" className="x1ey2m1c" role="img" />
              </div>
            )}
          </div>
        </a>
      </div>
    </div>
  );
});

let tick: ((n: number, count: number) => void) | null = null;

function Inbox() {
  const [rows, setRows] = useState(initial);
  useEffect(() => {
    tick = (n, count) =>
      setRows((prev) => {
        const next = prev.slice();
        for (let i = 0; i < count; i++) {
          const k = (n * 10 + i * 37) % ROWS;
          const row = next[k]!;
          next[k] = {
            ...row,
            snippet: i % 2 ? `${row.name.split(' ')[0]} is typing… ${n}` : `New message ${n}`,
            time: n % 3 ? 'now' : '1m',
            unread: i % 5 === 0 ? !row.unread : row.unread,
          };
        }
        return next;
      });
  }, []);
  const unread = rows.reduce((sum, r) => sum + (r.unread ? 1 : 0), 0);
  useEffect(() => {
    document.title = unread ? `(${unread}) Instagram • Direct` : 'Instagram • Direct';
  }, [unread]);
  return (
    <div className="x9f619 x1n2onr6">
      <div className="x1vjfegm">
        <a className="x1i10hfl" href="/direct/inbox/" role="link">
          <svg aria-label="Direct" role="img" />
          {unread > 0 && (
            <div className="x1gslohp">
              <span className="x1lliihq">{unread}</span>
            </div>
          )}
          <span className="x1lliihq">Messages</span>
        </a>
      </div>
      <section className="x1exxf4d">
        <div aria-label="Chats" role="list" className="x1lliihq">
          {rows.map((row) => (
            <ThreadRow key={row.id} row={row} />
          ))}
        </div>
      </section>
    </div>
  );
}

createRoot(document.getElementById('mount')!).render(<Inbox />);

Object.assign(window, {
  /**
   * Run the storm; resolves with the number of row updates. Paced by the clock: each step applies
   * one update per elapsed millisecond, so the rate stays 1,000 a second however slow a step is.
   */
  __storm: (seconds: number) =>
    new Promise<number>((done) => {
      let n = 0;
      let updates = 0;
      const start = performance.now();
      const end = start + seconds * 1000;
      const step = () => {
        const due = Math.min(seconds * 1000, Math.round(performance.now() - start)) - updates;
        if (due > 0) {
          tick?.(n++, due);
          updates += due;
        }
        if (performance.now() < end) setTimeout(step, 10);
        else setTimeout(() => done(updates), 50);
      };
      step();
    }),
});
