export default defineAppConfig({
  pages: ['pages/join/index'],
  window: { navigationBarTitleText: '加入工会', navigationBarBackgroundColor: '#ffffff', navigationBarTextStyle: 'black' },
})
