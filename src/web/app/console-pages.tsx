// The console's pages, listed once: the router guards each with its permission and the sidebar
// shows the ones the session's permissions allow (pages reached from another page say nav: false).
import {
  AlertOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  ClusterOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  GlobalOutlined,
  InboxOutlined,
  KeyOutlined,
  MessageOutlined,
  NotificationOutlined,
  PhoneOutlined,
  SendOutlined,
  ShopOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Permission } from './types';

export interface ConsolePage {
  /** Absolute path; '/console' is the index page. */
  path: string;
  permission: Permission;
  labelKey: string;
  icon: ReactNode;
  /** False for pages opened from another page (a complaint, a form): routed, not in the sidebar. */
  nav?: boolean;
  // Loaded on demand: the console is staff-only, complainants on phones never download it.
  Page: LazyExoticComponent<ComponentType>;
}

export const CONSOLE_PAGES: readonly ConsolePage[] = [
  {
    path: '/console',
    permission: 'console.access',
    labelKey: 'console.nav.dashboard',
    icon: <DashboardOutlined />,
    Page: lazy(() => import('../features/dashboard/DashboardPage')),
  },
  {
    path: '/console/queue',
    permission: 'complaints.work',
    labelKey: 'caseWork.nav.queue',
    icon: <InboxOutlined />,
    Page: lazy(() => import('../features/casework/QueuePage')),
  },
  {
    path: '/console/chat',
    permission: 'assistant.chat',
    labelKey: 'assistant.nav.chat',
    icon: <CustomerServiceOutlined />,
    Page: lazy(() => import('../features/assistant/LiveChatPage')),
  },
  {
    path: '/console/merchant',
    permission: 'merchant.respond',
    labelKey: 'caseExtras.nav.merchantInbox',
    icon: <ShopOutlined />,
    Page: lazy(() => import('../features/case-extras/MerchantInboxPage')),
  },
  {
    path: '/console/merchant/complaints/:number',
    permission: 'merchant.respond',
    labelKey: 'caseExtras.nav.merchantCase',
    icon: <ShopOutlined />,
    nav: false,
    Page: lazy(() => import('../features/case-extras/MerchantCasePage')),
  },
  {
    path: '/console/complaints',
    permission: 'complaints.read',
    labelKey: 'consoleComplaints.nav.list',
    icon: <FileTextOutlined />,
    Page: lazy(() => import('../features/console-complaints/ComplaintListPage')),
  },
  {
    path: '/console/complaints/new',
    permission: 'complaints.file',
    labelKey: 'consoleComplaints.new.title',
    icon: <FileTextOutlined />,
    nav: false,
    Page: lazy(() => import('../features/console-complaints/NewComplaintPage')),
  },
  {
    path: '/console/complaints/:number',
    permission: 'complaints.read',
    labelKey: 'consoleComplaints.detail.title',
    icon: <FileTextOutlined />,
    nav: false,
    Page: lazy(() => import('../features/console-complaints/ComplaintPage')),
  },
  {
    path: '/console/calls',
    permission: 'calls.handle',
    labelKey: 'caseExtras.nav.calls',
    icon: <PhoneOutlined />,
    Page: lazy(() => import('../features/case-extras/CallsPage')),
  },
  {
    path: '/console/collective',
    permission: 'complaints.work',
    labelKey: 'caseExtras.nav.collective',
    icon: <UsergroupAddOutlined />,
    Page: lazy(() => import('../features/case-extras/CollectiveListPage')),
  },
  {
    path: '/console/collective/:id',
    permission: 'complaints.read',
    labelKey: 'caseExtras.nav.collectiveCase',
    icon: <UsergroupAddOutlined />,
    nav: false,
    Page: lazy(() => import('../features/case-extras/CollectivePage')),
  },
  {
    path: '/console/external',
    permission: 'external.update',
    labelKey: 'caseExtras.nav.external',
    icon: <GlobalOutlined />,
    Page: lazy(() => import('../features/case-extras/ExternalPage')),
  },
  {
    path: '/console/alerts',
    permission: 'escalation.handle',
    labelKey: 'slaClocks.nav.alerts',
    icon: <AlertOutlined />,
    Page: lazy(() => import('../features/sla/AlertsPage')),
  },
  {
    path: '/console/sla',
    permission: 'sla.view',
    labelKey: 'slaAdmin.nav.sla',
    icon: <FieldTimeOutlined />,
    Page: lazy(() => import('../features/sla/SlaAdminPage')),
  },
  {
    path: '/console/teams',
    permission: 'teams.manage',
    labelKey: 'caseWork.nav.teams',
    icon: <ClusterOutlined />,
    Page: lazy(() => import('../features/casework/TeamsPage')),
  },
  {
    path: '/console/macros',
    permission: 'macros.manage',
    labelKey: 'caseWork.nav.macros',
    icon: <MessageOutlined />,
    Page: lazy(() => import('../features/casework/MacrosPage')),
  },
  {
    path: '/console/notifications/templates',
    permission: 'notifications.manage',
    labelKey: 'notifications.nav.templates',
    icon: <NotificationOutlined />,
    Page: lazy(() => import('../features/notifications/TemplatesPage')),
  },
  {
    path: '/console/notifications/outbox',
    permission: 'notifications.manage',
    labelKey: 'notifications.nav.outbox',
    icon: <SendOutlined />,
    Page: lazy(() => import('../features/notifications/OutboxPage')),
  },
  {
    path: '/console/assistant/kb',
    permission: 'assistant.kb.view',
    labelKey: 'assistant.nav.kb',
    icon: <BookOutlined />,
    Page: lazy(() => import('../features/assistant/KbPage')),
  },
  {
    path: '/console/assistant/metrics',
    permission: 'assistant.metrics',
    labelKey: 'assistant.nav.metrics',
    icon: <BarChartOutlined />,
    Page: lazy(() => import('../features/assistant/MetricsPage')),
  },
  {
    path: '/console/merchants',
    permission: 'merchants.manage',
    labelKey: 'caseExtras.nav.merchants',
    icon: <ShopOutlined />,
    Page: lazy(() => import('../features/case-extras/MerchantsPage')),
  },
  {
    path: '/console/audit',
    permission: 'audit.read',
    labelKey: 'caseWork.nav.audit',
    icon: <AuditOutlined />,
    Page: lazy(() => import('../features/casework/AuditPage')),
  },
  {
    path: '/console/catalog',
    permission: 'catalog.view',
    labelKey: 'console.nav.catalog',
    icon: <AppstoreOutlined />,
    Page: lazy(() => import('../features/catalog/CatalogConsolePage')),
  },
  {
    path: '/console/users',
    permission: 'users.read',
    labelKey: 'console.nav.users',
    icon: <TeamOutlined />,
    Page: lazy(() => import('../features/users/UsersPage')),
  },
  {
    path: '/console/tokens',
    permission: 'tokens.manage',
    labelKey: 'console.nav.tokens',
    icon: <KeyOutlined />,
    Page: lazy(() => import('../features/tokens/TokensPage')),
  },
];
