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
  // 附近的司机之家 asks for the location once the driver taps "用我的位置".
  permission: { 'scope.userLocation': { desc: '用于查找附近的司机之家' } },
  requiredPrivateInfos: ['getLocation'],
  tabBar: {
    color: '#666666',
    selectedColor: '#c8161d',
    list: [
      // PNGs drawn in the repository (scripts/gen-tab-icons.mjs).
      { pagePath: 'pages/index/index', text: '接单', iconPath: 'assets/tab-orders.png', selectedIconPath: 'assets/tab-orders-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab-me.png', selectedIconPath: 'assets/tab-me-active.png' },
    ],
  },
})
