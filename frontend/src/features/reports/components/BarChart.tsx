import type { ChartPoint } from '../figures'

export interface Bar {
  key: string
  label: string
  point: ChartPoint
}

const WIDTH = 640
const ROW = 52
const BAR = 22
const VALUE_ROOM = 190
const TOP = 4

/**
 * A horizontal bar chart in plain SVG, styled by classes only (the CSP allows no inline style).
 * Each row is a label above its bar. A suppressed or missing figure is a labelled gap: a dashed
 * outline with its words, never a bar of zero. `max` fixes the scale (1 for shares).
 */
export function BarChart({ bars, label, max }: { bars: readonly Bar[]; label: string; max?: number }) {
  const biggest = Math.max(max ?? 0, ...bars.map((bar) => (bar.point.kind === 'bar' ? bar.point.value : 0)))
  const scale = biggest > 0 ? (WIDTH - VALUE_ROOM) / biggest : 0
  const height = TOP + bars.length * ROW
  return (
    <svg
      className="fh-chart__svg"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      role="img"
      aria-label={label}
      focusable="false"
    >
      <line className="fh-chart__axis" x1={0.5} x2={0.5} y1={TOP} y2={height} />
      {bars.map((bar, index) => {
        const y = TOP + index * ROW
        const barY = y + 24
        const point = bar.point
        const length = point.kind === 'bar' ? Math.max(point.value * scale, point.value > 0 ? 2 : 0) : 0
        return (
          <g key={bar.key} className={point.kind === 'gap' ? 'fh-chart__row fh-chart__row--gap' : 'fh-chart__row'}>
            <text className="fh-chart__label" x={6} y={y + 16}>
              {bar.label}
            </text>
            {point.kind === 'bar' ? (
              <rect className="fh-chart__bar" x={1} y={barY} width={length} height={BAR} />
            ) : (
              <rect className="fh-chart__gap" x={1.5} y={barY + 0.5} width={36} height={BAR - 1} />
            )}
            <text className="fh-chart__value" x={(point.kind === 'bar' ? length : 38) + 8} y={barY + 16}>
              {point.text}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
