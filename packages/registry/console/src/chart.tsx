/** An ECharts chart (tree-shaken: bar, line, pie, funnel) that resizes with its box. */
import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

echarts.use([BarChart, LineChart, PieChart, FunnelChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, SVGRenderer])

export function Chart({ option, height = 280, testId }: { option: echarts.EChartsCoreOption; height?: number; testId?: string }) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!box.current) return
    // SVG renders crisply in print (the summary report) and in screenshots.
    const chart = echarts.init(box.current, undefined, { renderer: 'svg' })
    chart.setOption({ animation: false, ...option })
    const observer = new ResizeObserver(() => chart.resize())
    observer.observe(box.current)
    return () => {
      observer.disconnect()
      chart.dispose()
    }
  }, [option])
  return <div ref={box} style={{ width: '100%', height }} data-testid={testId} />
}

/** A bar chart of a {key: count} map, with names for the keys. */
export function barOption<K extends string>(title: string, counts: Partial<Record<K, number>>, names: (k: K) => string, horizontal = false): echarts.EChartsCoreOption {
  const keys = (Object.keys(counts) as K[]).sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0))
  const cat = { type: 'category', data: keys.map(names), axisLabel: { interval: 0, width: 110, overflow: 'truncate' } }
  const val = { type: 'value', minInterval: 1 }
  return {
    title: { text: title, textStyle: { fontSize: 14 } },
    tooltip: {},
    grid: { left: horizontal ? 130 : 40, right: 20, bottom: 40, top: 40 },
    xAxis: horizontal ? val : cat,
    yAxis: horizontal ? cat : val,
    series: [{ type: 'bar', data: keys.map((k) => counts[k]), itemStyle: { color: '#c8161d' }, label: { show: true, position: horizontal ? 'right' : 'top' } }],
  }
}
