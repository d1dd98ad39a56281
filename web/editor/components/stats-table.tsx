import type { ComponentChildren } from 'preact'

/**
 * A captioned table in a region that scrolls on its own at narrow widths (320 px reflow): keyboard users reach the
 * region (tabindex) and screen readers hear it named by the caption. The statistics dashboard and partner calendars
 * use it.
 */
export function StatsTable(props: { id: string; caption: string; columns: string[]; children: ComponentChildren }) {
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-labelledby={`${props.id}-caption`}>
      <table class="stats-table">
        <caption id={`${props.id}-caption`}>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  )
}
