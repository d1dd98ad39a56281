/**
 * The statistics page's trend (issue 15): views and downloads per day as two lines in plain SVG, no chart library
 * (DESIGN.md). The chart is a picture of the table beside it, which screen readers and keyboard users read instead:
 * `role="img"` with a label that says so. Lines differ by dash as well as colour, so they never rely on colour alone.
 */
export function TrendChart(props: { days: Array<{ day: string; views: number; downloads: number }>; label: string; legend: { views: string; downloads: string } }) {
  const width = 640
  const height = 200
  const pad = 28
  const max = Math.max(1, ...props.days.flatMap((day) => [day.views, day.downloads]))
  const x = (index: number) => pad + (props.days.length > 1 ? (index * (width - 2 * pad)) / (props.days.length - 1) : 0)
  const y = (value: number) => height - pad - (value * (height - 2 * pad)) / max
  const line = (key: 'views' | 'downloads') => props.days.map((day, index) => `${index ? 'L' : 'M'}${x(index).toFixed(1)},${y(day[key]).toFixed(1)}`).join(' ')
  return (
    <figure class="trend-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.label} preserveAspectRatio="none">
        <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} class="trend-axis" />
        <text x={pad} y={pad - 10} class="trend-max">
          {max}
        </text>
        <path d={line('views')} class="trend-views" fill="none" />
        <path d={line('downloads')} class="trend-downloads" fill="none" />
      </svg>
      <figcaption aria-hidden="true">
        <span class="trend-key trend-key-views">{props.legend.views}</span> <span class="trend-key trend-key-downloads">{props.legend.downloads}</span>
      </figcaption>
    </figure>
  )
}
