import type { PropsWithChildren } from 'react'
// The component's stylesheet, once for the whole app (host config snippet in packages/taro/README.md).
import '@ruhui/taro/style.css'
import './app.css'

function App({ children }: PropsWithChildren) {
  return children
}

export default App
