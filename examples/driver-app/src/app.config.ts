export default defineAppConfig({
  pages: ['pages/index/index', 'pages/me/index'],
  // The join flow lives in a subpackage: it is downloaded only when a driver opens it.
  subPackages: [{ root: 'join', pages: ['pages/flow/index'] }],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '示例货运平台',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8161d',
    list: [
      { pagePath: 'pages/index/index', text: '接单' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
})
