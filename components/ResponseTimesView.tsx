import { useId } from 'react';
import { PLATFORM_LABELS } from '@/utils/platforms/hosts';
import { responseTimeStats, type ResponseTimeStats } from '@/utils/inbox/stats';
import { formatDuration } from './format';
import { useChangedStores } from './useChangedStores';
import './inbox-views.css';

const ROW = 28;
const LABEL_W = 96;
const CHART_W = 360;

/**
 * Median first-response time per platform over 7 and 30 days: a small bar chart (decorative
 * summary) with the same numbers in a table beside it (what screen readers use), and how many
 * saved replies were used in those windows.
 */
export function ResponseTimesView({ load = responseTimeStats }: { load?: () => Promise<ResponseTimeStats> }) {
  const { value: stats, error } = useChangedStores(['inbox', 'replies'], load);
  const tableId = useId();

  return (
    // The host page gives the heading and the landmark (options: a titled section).
    <div className="inbox-view">
      {error ? (
        <p role="alert">Response times could not be read: {error}</p>
      ) : !stats ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          {stats.platforms.length === 0 ? (
            <p>No answered conversations in the last 30 days yet.</p>
          ) : (
            <div className="response-times">
              <Chart stats={stats} describedBy={tableId} />
              <table id={tableId}>
                <caption className="visually-hidden">Median first-response time per platform</caption>
                <thead>
                  <tr>
                    <th scope="col">Platform</th>
                    <th scope="col">Median, 7 days</th>
                    <th scope="col">Median, 30 days</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.platforms.map((p) => (
                    <tr key={p.platform} data-platform={p.platform}>
                      <th scope="row">{PLATFORM_LABELS[p.platform]}</th>
                      <td>
                        {formatDuration(p.days7.medianMs)} <span className="muted">({plural(p.days7.count, 'reply', 'replies')})</span>
                      </td>
                      <td>
                        {formatDuration(p.days30.medianMs)} <span className="muted">({plural(p.days30.count, 'reply', 'replies')})</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p data-testid="replies-used">
            Saved replies used: {stats.repliesUsed.days7} in the last 7 days, {stats.repliesUsed.days30} in the last 30 days.
          </p>
        </>
      )}
    </div>
  );
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function Chart({ stats, describedBy }: { stats: ResponseTimeStats; describedBy: string }) {
  const max = Math.max(1, ...stats.platforms.flatMap((p) => [p.days7.medianMs ?? 0, p.days30.medianMs ?? 0]));
  const height = stats.platforms.length * ROW * 2 + 24;
  const width = (ms: number | null) => ((ms ?? 0) / max) * (CHART_W - LABEL_W - 70);
  return (
    <svg
      role="img"
      aria-label="Median first-response time per platform, bars for 7 and 30 days; the same numbers are in the table"
      aria-describedby={describedBy}
      viewBox={`0 0 ${CHART_W} ${height}`}
      width={CHART_W}
      height={height}
    >
      {stats.platforms.map((p, i) => {
        const y = i * ROW * 2;
        return (
          <g key={p.platform}>
            <text className="axis-label" x={0} y={y + ROW - 8}>
              {PLATFORM_LABELS[p.platform]}
            </text>
            <rect className="bar-7" x={LABEL_W} y={y + 4} width={width(p.days7.medianMs)} height={ROW / 2 - 2} />
            <text className="axis-label" x={LABEL_W + width(p.days7.medianMs) + 4} y={y + ROW / 2}>
              {formatDuration(p.days7.medianMs)}
            </text>
            <rect className="bar-30" x={LABEL_W} y={y + ROW / 2 + 4} width={width(p.days30.medianMs)} height={ROW / 2 - 2} />
            <text className="axis-label" x={LABEL_W + width(p.days30.medianMs) + 4} y={y + ROW + 2}>
              {formatDuration(p.days30.medianMs)}
            </text>
          </g>
        );
      })}
      <g transform={`translate(${LABEL_W}, ${height - 8})`}>
        <rect className="bar-7" width={10} height={10} y={-9} />
        <text className="axis-label" x={14}>7 days</text>
        <rect className="bar-30" x={70} width={10} height={10} y={-9} />
        <text className="axis-label" x={84}>30 days</text>
      </g>
    </svg>
  );
}
