// Ant Design theme shared by the portal and the console.
import type { ThemeConfig } from 'antd';

export const FONT_FAMILY =
  '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "WenQuanYi Zen Hei", "Helvetica Neue", Arial, sans-serif';

export const BRAND_COLOR = '#1f5fbf';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_COLOR,
    fontFamily: FONT_FAMILY,
    borderRadius: 8,
    colorBgLayout: '#f4f6fa',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#001529', headerPadding: '0 24px' },
  },
};
