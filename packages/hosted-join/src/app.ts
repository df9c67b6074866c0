import type { PropsWithChildren } from 'react'
import { ensureStorage } from './storage-fallback'
import '@ruhui/taro/style.css'
import './app.css'
import { launch } from './launch'

// Framed on another site, the browser may refuse the page its localStorage: keep the draft in memory.
ensureStorage(window)

// The token rides in the fragment: read it and clear the address bar before the (hash) router starts.
launch()

// The root font size for the rem units of the h5 build (Taro's template does this with an inline
// script, which the page's Content-Security-Policy does not allow).
function fitRootFont() {
  const root = document.documentElement
  const width = root.getBoundingClientRect().width
  root.style.fontSize = `${width >= 640 ? 40 : width <= 320 ? 20 : (width / 320) * 20}px`
}
fitRootFont()
window.addEventListener('resize', fitRootFont)

function App({ children }: PropsWithChildren) {
  return children
}

export default App
